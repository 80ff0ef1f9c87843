import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const MeetingListPage = lazyPage(() => import('./MeetingListPage.tsx'), 'MeetingListPage');
const MeetingPage = lazyPage(() => import('./MeetingPage.tsx'), 'MeetingPage');

export const meetingRoutes: RouteObject[] = [
  pageRoute('meetings', MeetingListPage, 'meeting.read'),
  pageRoute('meetings/:id', MeetingPage, 'meeting.read'),
];
