import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const EvaluationListPage = lazyPage(() => import('./EvaluationListPage.tsx'), 'EvaluationListPage');
const RoundPage = lazyPage(() => import('./RoundPage.tsx'), 'RoundPage');

export const evaluationRoutes: RouteObject[] = [
  pageRoute('evaluations', EvaluationListPage, 'evaluation.read'),
  pageRoute('evaluations/:id', RoundPage, 'evaluation.read'),
];
