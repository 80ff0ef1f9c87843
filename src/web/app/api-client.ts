import type { ErrorResponse } from '../../common/api/common.ts';

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

/**
 * An error of the client's own, in both languages. The catalogue is imported when one happens (the app has it by
 * then): the first script (src/web/early.ts) asks through this client and would otherwise wait for the catalogue.
 */
async function clientError(status: number, code: string, key: 'ui.common.networkError' | 'ui.common.unexpectedError') {
  const { translate } = await import('./texts.ts');
  return new ApiError(status, code, translate('zh-CN', key, { status }), translate('en', key, { status }));
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends the request; a FormData body goes as multipart (the browser sets the boundary), anything else as JSON. */
async function send(method: Method, path: string, opts: RequestOptions, accept: string): Promise<Response> {
  // The interface's language (i18n.tsx sets it on the page): exports and server-made files are written in it.
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': document.documentElement.lang || 'zh-CN',
  };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const multipart = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw await clientError(0, 'network', 'ui.common.networkError');
  }
}

/** The API's error body as an ApiError (or a generic one when the answer is not the API's JSON). */
async function errorOf(res: Response, text: string, opts: RequestOptions): Promise<ApiError> {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const body = (json as Partial<ErrorResponse> | undefined)?.error;
  const error = body
    ? new ApiError(res.status, body.code, body.zh, body.en, body.details ?? [])
    : await clientError(res.status, 'http', 'ui.common.unexpectedError');
  if (res.status === 401 && !opts.quietUnauthorized) unauthorizedHandler?.(error);
  return error;
}

/** A file the API answers (an Excel export), with the name its Content-Disposition gives. */
export async function requestFile(
  path: string,
  opts: Omit<RequestOptions, 'body'> = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await send('GET', path, opts, '*/*');
  if (!res.ok) throw await errorOf(res, await res.text(), opts);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  let fileName: string | null = plain ?? null;
  if (encoded) {
    try {
      fileName = decodeURIComponent(encoded);
    } catch {
      // Keep the plain name.
    }
  }
  return { blob: await res.blob(), fileName };
}

/** Saves a blob under a file name, as a download the browser asks about or stores. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts, 'application/json');
  const text = await res.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (res.ok) return json as T;
  throw await errorOf(res, text, opts);
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body: unknown = {}, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  /** One file as a multipart upload under the field `file`, with text fields beside it; the CSRF token as on every write. */
  uploadFile: <T>(
    path: string,
    file: File,
    fields: Record<string, string> = {},
    opts: Omit<RequestOptions, 'body'> = {},
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    return request<T>('POST', path, { ...opts, body: form });
  },
  delete: <T>(path: string) => request<T>('DELETE', path),
};
