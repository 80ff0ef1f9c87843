import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const LoginPage = lazyPage(() => import('./login/LoginPage.tsx'), 'LoginPage');
const SetupPage = lazyPage(() => import('./setup/SetupPage.tsx'), 'SetupPage');

/** The pages before sign-in, outside the application's frame. */
export const authRoutes: RouteObject[] = [pageRoute('/login', LoginPage), pageRoute('/setup', SetupPage)];
