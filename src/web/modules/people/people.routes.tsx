import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const SecondmentListPage = lazyPage(() => import('./SecondmentListPage.tsx'), 'SecondmentListPage');
const TrainingListPage = lazyPage(() => import('./TrainingListPage.tsx'), 'TrainingListPage');
const ExchangeListPage = lazyPage(() => import('./ExchangeListPage.tsx'), 'ExchangeListPage');
const CadreWorkPage = lazyPage(() => import('./CadreWorkPage.tsx'), 'CadreWorkPage');

export const peopleRoutes: RouteObject[] = [
  pageRoute('secondments', SecondmentListPage, 'cadre.read'),
  pageRoute('trainings', TrainingListPage, 'training.read'),
  pageRoute('exchanges', ExchangeListPage, 'training.read'),
  pageRoute('cadre-work', CadreWorkPage, 'cadre.read'),
];
