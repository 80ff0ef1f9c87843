import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const ListingListPage = lazyPage(() => import('./ListingListPage.tsx'), 'ListingListPage');
const ListingPage = lazyPage(() => import('./ListingPage.tsx'), 'ListingPage');
const RegistrationReviewPage = lazyPage(() => import('./RegistrationReviewPage.tsx'), 'RegistrationReviewPage');
const OrganisationUsersPage = lazyPage(() => import('./OrganisationUsersPage.tsx'), 'OrganisationUsersPage');
const RegisterPage = lazyPage(() => import('./RegisterPage.tsx'), 'RegisterPage');

export const listingRoutes: RouteObject[] = [
  pageRoute('listings', ListingListPage, 'listing.read'),
  pageRoute('listings/registrations', RegistrationReviewPage, 'registration.review'),
  pageRoute('listings/organisation-users', OrganisationUsersPage, 'organisation_user.manage'),
  pageRoute('listings/:id', ListingPage, 'listing.read'),
];

/** Self-registration, before any sign-in (outside the application's frame). */
export const registrationRoutes: RouteObject[] = [pageRoute('/register', RegisterPage)];
