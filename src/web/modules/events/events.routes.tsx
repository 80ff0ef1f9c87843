import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const EventListPage = lazyPage(() => import('./EventListPage.tsx'), 'EventListPage');
const EventPage = lazyPage(() => import('./EventPage.tsx'), 'EventPage');

export const eventRoutes: RouteObject[] = [
  pageRoute('events', EventListPage, 'event.read'),
  pageRoute('events/:id', EventPage, 'event.read'),
];
