/** A minimal signed-in client for the Duikou API: session cookie plus the CSRF token on every POST/PATCH. */
export class ApiClient {
  cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    // Before sign-in any value passes; afterwards it must be the session's token.
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken || 'bench';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    // Every cookie the server sets, as a browser keeps them: the session, and with read replicas the
    // read-your-writes position (duikou_rw), without which a read right after a write may miss it.
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const name = pair!.split('=')[0]!;
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((kv) => [kv.split('=')[0]!, kv] as const),
      );
      if (pair!.endsWith('=')) jar.delete(name);
      else jar.set(name, pair!);
      this.cookie = [...jar.values()].join('; ');
    }
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
  }

  /** Like request(), but throws unless the status is 2xx. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.request<T>(method, path, body);
    if (status < 200 || status >= 300)
      throw new Error(`${method} ${path} → ${status}: ${JSON.stringify(json).slice(0, 800)}`);
    return json;
  }

  /** A browser's multipart upload of one file (field `file`) with other form fields; throws unless 2xx. */
  async upload<T = unknown>(
    path: string,
    fileName: string,
    content: Buffer,
    fields: Record<string, string> = {},
  ): Promise<T> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return this.ok<T>('POST', path, form);
  }

  async login(username: string, password: string) {
    const me = await this.ok<{ csrfToken: string }>('POST', '/api/auth/login', { username, password });
    if (!this.cookie || !me.csrfToken) throw new Error('login gave no session cookie or CSRF token');
    this.csrfToken = me.csrfToken;
  }
}
