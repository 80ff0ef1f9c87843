import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Permission } from '../../common/access/permissions.ts';
import { RequirePermission } from './RequirePermission.tsx';

/** A page loaded when first shown: each page is its own chunk, so the login screen does not download the map. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** A page at `path`, for those whose roles give `permission` (the forbidden page for the others). */
export function pageRoute(path: string, Page: ComponentType, permission?: Permission): RouteObject {
  return {
    path,
    element: permission ? (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ) : (
      <Page />
    ),
  };
}
