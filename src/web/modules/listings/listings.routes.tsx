import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ListingListPage = lazyPage(() => import('./ListingListPage.tsx'), 'ListingListPage');
const ListingPage = lazyPage(() => import('./ListingPage.tsx'), 'ListingPage');

export const listingRoutes: RouteObject[] = [
  pageRoute('listings', ListingListPage, 'listing.read'),
  pageRoute('listings/:id', ListingPage, 'listing.read'),
];
