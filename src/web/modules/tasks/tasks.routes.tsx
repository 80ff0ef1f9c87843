import type { RouteObject } from 'react-router-dom';
import { lazyPage, pageRoute } from '../../app/page-route.tsx';

const MyTasksPage = lazyPage(() => import('./MyTasksPage.tsx'), 'MyTasksPage');
const TaskPage = lazyPage(() => import('./TaskPage.tsx'), 'TaskPage');

export const taskRoutes: RouteObject[] = [
  pageRoute('tasks/mine', MyTasksPage, 'task.read'),
  pageRoute('tasks/:id', TaskPage, 'task.read'),
];
