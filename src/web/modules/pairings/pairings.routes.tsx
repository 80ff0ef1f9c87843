import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const PairingListPage = lazyPage(() => import('./PairingListPage.tsx'), 'PairingListPage');
const PairingDetailPage = lazyPage(() => import('./PairingDetailPage.tsx'), 'PairingDetailPage');

export const pairingRoutes: RouteObject[] = [
  pageRoute('pairings', PairingListPage, 'pairing.read'),
  pageRoute('pairings/:id', PairingDetailPage, 'pairing.read'),
];
