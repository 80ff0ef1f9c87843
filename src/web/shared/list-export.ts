/** A list's filters as its Excel export takes them: the whole filtered list, not the page on screen. */
export function withoutPage<T extends { page?: unknown; pageSize?: unknown }>(params: T): Omit<T, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return filters;
}
