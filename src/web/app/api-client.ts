import type { ErrorResponse } from '../../common/api/common.ts';
import { translate } from '../../common/i18n/messages.ts';

export type ErrorDetail = ErrorResponse['error']['details'][number];

/** An error answered by the API (or a network failure, status 0), with the server's Chinese and English text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(en);
    this.name = 'ApiError';
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not send the user to the login page on 401 (the session probe, the login form itself). */
  quietUnauthorized?: boolean;
}

// Before sign-in the server accepts any non-empty token; after, the session's (GET /api/auth/me, login).
let csrfToken = 'anonymous';
let unauthorizedHandler: ((err: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token ?? 'anonymous';
}

export function onUnauthorized(handler: ((err: ApiError) => void) | null) {
  unauthorizedHandler = handler;
}

export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function clientError(status: number, code: string, key: 'ui.common.networkError' | 'ui.common.unexpectedError') {
  return new ApiError(status, code, translate('zh-CN', key, { status }), translate('en', key, { status }));
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw clientError(0, 'network', 'ui.common.networkError');
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (res.ok) return json as T;
  const body = (json as Partial<ErrorResponse> | undefined)?.error;
  const error = body
    ? new ApiError(res.status, body.code, body.zh, body.en, body.details ?? [])
    : clientError(res.status, 'http', 'ui.common.unexpectedError');
  if (res.status === 401 && !opts.quietUnauthorized) unauthorizedHandler?.(error);
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body: unknown = {}, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PATCH', path, { ...opts, body }),
};
