import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '../testing/test-app.ts';
import { testEngines } from '../testing/test-engines.ts';
import { useProgrammeApp } from '../testing/programme-fixture.ts';
import { systemContext } from './system-actor.ts';
import { fillDemo } from '../seed/demo-data.ts';
import { buildOrgUser } from '../seed/builders.ts';
import { hasPermission } from '../../common/access/permissions.ts';
import type { RouteAccess } from './access-hook.ts';

/**
 * Every route of the OpenAPI document, sent each kind of text that must not enter the system, a body on a route
 * that takes none, a bad UTF-8 address and a 2-byte "PK" file: none may answer 5xx, each refusal has the app's
 * error shape, and bad text is refused with 400 naming the field. The requests are generated from the document,
 * so a new route is covered without editing this file.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};
type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };

const BAD_TEXT = {
  control_character: '\u0000',
  lone_surrogate: '\ud800',
  bidi_control: '\u202e',
} as const;
type BadKind = keyof typeof BAD_TEXT;

/** A value that matches the pattern of a string field the schemas use (codes, periods, decimals, phones). */
const PATTERN_SAMPLES = ['220000', '2025-01-01', '2025-06', '2025', '1', '12', '1.5', 'A', '0431-88888888', 'Q1'];

const typeOf = (s: JsonSchema) => [s.type].flat().find((t) => t && t !== 'null');
const isFreeText = (s: JsonSchema) =>
  typeOf(s) === 'string' && !s.format && !s.pattern && !s.enum && s.const === undefined;

/** Free text holding one bad character, long enough for the field's minimum and short enough for its maximum. */
function badText(s: JsonSchema, kind: BadKind): string {
  const value = `文${BAD_TEXT[kind]}字${'本'.repeat(Math.max(0, (s.minLength ?? 0) - 3))}`;
  return value.slice(0, Math.max(3, s.maxLength ?? value.length));
}

interface Generation {
  kind: BadKind | null;
  /** The fields that received bad text, by dotted path. */
  injected: string[];
  ids: (field: string) => string;
}

/** A value valid for the schema except that every free-text field holds bad text; optional non-text fields are left out. */
function generate(s: JsonSchema, path: string, g: Generation): unknown {
  const branch = s.anyOf ?? s.oneOf;
  if (branch) return generate(branch.find((b) => typeOf(b) !== 'null') ?? branch[0]!, path, g);
  if (s.allOf) return generate(Object.assign({}, ...s.allOf), path, g);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        const required = s.required?.includes(name);
        if (!required && !(isFreeText(prop) && g.kind)) continue;
        out[name] = generate(prop, path ? `${path}.${name}` : name, g);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, (_, i) => generate(s.items ?? {}, `${path}.${i}`, g));
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      if (min !== undefined) return min;
      return s.maximum !== undefined ? Math.min(1, s.maximum) : 1;
    }
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return g.ids(path.split('.').at(-1)!);
      if (s.format === 'date') return '2025-01-15';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'email') return 'someone@example.cn';
      if (s.pattern) return PATTERN_SAMPLES.find((v) => new RegExp(s.pattern!).test(v)) ?? '1';
      if (g.kind) {
        g.injected.push(path);
        return badText(s, g.kind);
      }
      return '文本'.padEnd(Math.max(2, s.minLength ?? 0), '本');
    }
    default:
      return null;
  }
}

/**
 * Query text as a browser encodes it. A lone surrogate has no UTF-8 form, so it goes as its CESU-8 bytes, which
 * arrive as U+FFFD: it cannot reach the server through an address, only through a JSON body.
 */
const encodeQuery = (v: string) =>
  v
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

/** One file and the text fields an upload reads (a project sheet names its pairing), as a browser sends them. */
function multipart(fileName: string, content: Buffer, fields: Record<string, string>) {
  const boundary = '----duikouFuzzBoundary';
  const field = ([name, value]: [string, string]) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return {
    boundary,
    payload: Buffer.concat([
      Buffer.from(Object.entries(fields).map(field).join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

type Detail = { field: string; code: string };

/** `{ error: { code, message, details } }`, as every refusal of the app. */
function matchesShape(res: { json: () => unknown }): boolean {
  try {
    const e = (res.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string' && Array.isArray(e.details);
  } catch {
    return false;
  }
}

describe.each(testEngines())('input from the OpenAPI document on %s', (engine) => {
  const s = useProgrammeApp(engine);
  const clients = new Map<string, TestClient>();
  const idPool = new Map<string, string>();
  const unknownId = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    await fillDemo(systemContext(s.t.deps), s.f.pairings.jilinZhejiang);
    for (const [name, u] of Object.entries(s.f.users)) if (name !== 'jilinUnit') clients.set(name, await s.as(u));
    clients.set('jilinUnit', await s.as(s.f.users.jilinUnit));
    // Routes only an enterprise may call (its own accounts) are tried by one.
    const enterprise = await buildOrgUser(systemContext(s.t.deps), {
      username: 'input-guard-enterprise',
      regionCode: '220100',
      roles: ['enterprise'],
      kind: 'enterprise',
    });
    clients.set('enterprise', await s.as(enterprise));
    // A record of each kind the addresses name, inside 吉林—浙江 where the record has a pairing.
    const tables = await s.t.database.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`,
    );
    for (const { table_name } of tables.rows) {
      const row = await s.t.database.db.execute<{ id: string }>(
        sql`SELECT id::text FROM ${sql.identifier(table_name)} t
            ORDER BY (to_jsonb(t) ->> 'pairing_id') = ${s.f.pairings.jilinZhejiang} DESC NULLS LAST LIMIT 1`,
      );
      if (row.rows[0]) idPool.set(table_name, row.rows[0].id);
    }
    // Records whose change would cut the callers' own sessions are replaced by bystanders.
    idPool.set('users', s.f.users.changchun.userId);
    idPool.set('organisations', s.f.users.changchun.organisationId);
    idPool.set('pairings', s.f.pairings.jilinWenzhou);
  });

  /** An id for a field or address segment: pairingId → a pairing, parentId → 吉林—浙江, anything unknown → no record. */
  const idFor = (name: string, segment?: string) => {
    if (name === 'pairingId' || name === 'parentId') return s.f.pairings.jilinZhejiang;
    if (name === 'programmeId') return s.f.programmeId;
    const table = name === 'id' && segment ? segment : `${name.replace(/Id$/, '')}s`;
    return idPool.get(table) ?? unknownId;
  };

  /** The signed-in client allowed to call the route (a pairing office first, since it reaches the most records). */
  const clientFor = (access: RouteAccess) => {
    if (access === 'public') return s.t.client();
    const order = ['jilin', 'national', 'sysadmin', 'secadmin', 'auditor', 'jilinUnit', 'enterprise'];
    const roles: Record<string, string[]> = {
      jilin: ['pairing_office'],
      national: ['national_office'],
      sysadmin: ['sys_admin'],
      secadmin: ['security_admin'],
      auditor: ['audit_admin'],
      jilinUnit: ['lead_unit'],
      enterprise: ['enterprise'],
    };
    const name = order.find((n) => access === 'authenticated' || hasPermission(roles[n]!, access))!;
    return clients.get(name)!;
  };

  /** Every operation of the OpenAPI document, with the access its route declares. */
  const apiOperations = () => {
    const doc = s.t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const access = new Map(s.t.app.registeredRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    return Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))
      .filter((o) => o.path.startsWith('/api/'))
      .map((o) => ({ ...o, access: access.get(`${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`) }));
  };

  it('matches search text literally: % and _ do not match every row of any list', async () => {
    let lists = 0;
    for (const { path, method, op, access } of apiOperations()) {
      if (method !== 'GET' || path.includes('{')) continue;
      const client = clientFor(access!);
      const all = await client.get(path);
      const total = (res: typeof all) =>
        String(res.headers['content-type']).startsWith('application/json')
          ? (res.json() as { total?: number }).total
          : undefined;
      const everything = total(all);
      if (!everything) continue;
      for (const p of (op.parameters ?? []).filter((p) => p.in === 'query' && isFreeText(p.schema))) {
        lists++;
        for (const wildcard of ['%', '_']) {
          const res = await client.get(`${path}?${p.name}=${encodeURIComponent(wildcard)}`);
          expect(res.statusCode, `${path}?${p.name}=${wildcard}`).toBe(200);
          expect(total(res), `${path}?${p.name}=${wildcard}`).toBeLessThan(everything);
        }
      }
    }
    expect(lists).toBeGreaterThan(5);
  });

  it('answers no 5xx to bad text, unknown fields, bad addresses or a truncated file on any route', async () => {
    const operations = apiOperations()
      // Signing out last, so the other routes keep their callers' sessions.
      .sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    expect(operations.length).toBeGreaterThan(80);

    const failures: string[] = [];
    const problems: string[] = [];
    let requests = 0;
    const check = (label: string, res: { statusCode: number; body: string; json: () => unknown }) => {
      requests++;
      if (res.statusCode >= 500) failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      else if (res.statusCode >= 400 && !matchesShape(res))
        problems.push(`${label}: not the app's error shape ${res.body.slice(0, 160)}`);
    };

    for (const { path, method, op, access } of operations) {
      expect(access, `${method} ${path} is registered`).toBeDefined();
      const client = clientFor(access!);
      const segment = path.split('/')[2];
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const address = (kind: BadKind | null, injected: string[], bad?: string) =>
        path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          const param = params.find((p) => p.name === name);
          if (bad !== undefined && name === params[0]?.name) return bad;
          if (param && isFreeText(param.schema) && kind) {
            if (kind !== 'lone_surrogate') injected.push(name);
            return encodeQuery(badText(param.schema, kind));
          }
          const sample = param?.schema.format
            ? undefined
            : PATTERN_SAMPLES.find((v) => param?.schema.pattern && new RegExp(param.schema.pattern).test(v));
          return sample ?? idFor(name, segment);
        });
      const query = (kind: BadKind | null, injected: string[]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .flatMap((p) => {
            if (isFreeText(p.schema) && kind) {
              if (kind !== 'lone_surrogate') injected.push(p.name);
              return [`${p.name}=${encodeQuery(badText(p.schema, kind))}`];
            }
            if (!p.required) return [];
            const value = generate(p.schema, p.name, { kind: null, injected, ids: (f) => idFor(f) });
            return [`${p.name}=${encodeURIComponent(String(value))}`];
          })
          .join('&');
      const jsonBody = op.requestBody?.content['application/json']?.schema;

      for (const kind of Object.keys(BAD_TEXT) as BadKind[]) {
        const injected: string[] = [];
        const q = query(kind, injected);
        const target = `${address(kind, injected)}${q ? `?${q}` : ''}`;
        const body = jsonBody
          ? generate(jsonBody, '', { kind, injected, ids: (f) => idFor(f) })
          : method === 'GET'
            ? undefined
            : { note: badText({}, kind) };
        if (!jsonBody && body !== undefined) injected.push('note');
        const label = `${kind} ${method} ${path} [${injected.join(', ')}]`;
        const res = await client.request(method as 'GET', target, body);
        check(label, res);
        if (injected.length && res.statusCode < 500) {
          const details = res.statusCode === 400 && matchesShape(res) ? res.json().error.details : [];
          if (
            !details.some((d: Detail) => injected.includes(d.field) && (d.code === kind || d.code === 'unknown_field'))
          )
            problems.push(`${label}: ${res.statusCode} without the field named ${res.body.slice(0, 200)}`);
        }
      }

      if (jsonBody) {
        const body = generate(jsonBody, '', { kind: null, injected: [], ids: (f) => idFor(f) }) as object;
        const q = query(null, []);
        const res = await client.request(method as 'GET', `${address(null, [])}${q ? `?${q}` : ''}`, {
          ...body,
          unknownField: 1,
        });
        check(`unknown field ${method} ${path}`, res);
        if (res.statusCode !== 400) problems.push(`unknown field ${method} ${path}: ${res.statusCode}`);
      }

      if (params.length) {
        const res = await client.request(
          method as 'GET',
          address(null, [], '%FF%FE'),
          method === 'GET' ? undefined : {},
        );
        check(`bad UTF-8 address ${method} ${path}`, res);
      }

      if (method === 'POST') {
        // A file too short to hold a zip signature, and a file name that reads backwards.
        for (const [label, fileName] of [
          ['2-byte PK file', 'projects.xlsx'],
          ['bidi file name', `表${BAD_TEXT.bidi_control}xslx.xlsx`],
        ] as const) {
          const { boundary, payload } = multipart(fileName, Buffer.from('PK'), {
            pairingId: s.f.pairings.jilinZhejiang,
          });
          const q = query(null, []);
          const res = await s.t.app.inject({
            method: 'POST',
            url: `${address(null, [])}${q ? `?${q}` : ''}`,
            headers: {
              cookie: client.cookie,
              'x-csrf-token': client.csrf || 'anonymous',
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            payload,
          });
          check(`${label} ${method} ${path}`, res);
          const named = res.statusCode === 400 && matchesShape(res) ? res.json().error.details : [];
          if (label === 'bidi file name' && op.requestBody === undefined && res.statusCode !== 415) {
            if (!named.some((d: Detail) => d.field === 'file' && d.code === 'bidi_control'))
              problems.push(`${label} ${method} ${path}: ${res.statusCode} ${JSON.stringify(named).slice(0, 300)}`);
          }
        }
      }
    }
    expect(failures, `${failures.length} of ${requests} requests answered 5xx`).toEqual([]);
    expect(problems).toEqual([]);
  });
});
