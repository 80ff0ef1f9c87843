import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { SetupToken } from '../modules/auth/setup.service.ts';
import { registerModuleRoutes } from '../routes.ts';
import type { AppDeps } from './context.ts';
import fastJsonStringify from 'fast-json-stringify';
import { answerWriter, projectionOf, responseSerializerCompiler, writerSchemaOf } from './response-serializer.ts';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/t', httpStatus: '200' });

const person = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  born: z.iso.date().nullable(),
  rank: z.enum(['厅局级', '县处级']),
  note: z.string().optional(),
});
const row = {
  id: '2f9d0c1e-9c3b-4a57-8d2e-2b1b5c1f0a11',
  name: '张三 "引号" \\ 反斜杠',
  idNumberMasked: null,
  born: '1980-02-29',
  rank: '县处级' as const,
};

describe('answers written from their zod schema', () => {
  it('writes only declared fields: a field a presenter passes by mistake never leaves', () => {
    const write = answerWriter(z.object({ items: z.array(person), total: z.number().int() }));
    const out = write({
      items: [{ ...row, idNumber: '110101198002291234', mobile: '13800000000' }],
      total: 1,
      secret: 1,
    });
    expect(out).not.toContain('110101198002291234');
    expect(out).not.toContain('13800000000');
    expect(out).not.toContain('secret');
    expect(JSON.parse(out)).toEqual({ items: [row], total: 1 });
  });

  it('writes what zod and JSON.stringify write: nulls, unions, records, Chinese text, lone surrogates', () => {
    const event = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('moved'), from: z.string(), to: z.string() }),
      z.object({ kind: z.literal('note'), text: z.string(), by: person.nullable() }),
    ]);
    const schema = z.object({
      events: z.array(event),
      either: z.union([z.string(), z.number()]),
      byYear: z.record(z.string(), z.number()),
      nested: z.object({ a: z.array(z.string().nullable()) }).nullable(),
    });
    const data = {
      events: [
        { kind: 'moved', from: '学习借鉴', to: '试点', extra: 'x' },
        { kind: 'note', text: 'lone \ud800 high and \udc00 low, 𠮷 astral, \u2028 separator, \u0001 control', by: row },
        { kind: 'note', text: '', by: null },
      ],
      either: 3,
      byYear: { 2024: 3, 2025: 0 },
      nested: { a: ['甲', null] },
    };
    const expected = JSON.stringify(schema.parse(data));
    expect(answerWriter(schema)(data)).toBe(expected);
    expect(compile(schema)(data)).toBe(expected);
    expect(answerWriter(schema)({ ...data, nested: null })).toBe(
      JSON.stringify(schema.parse({ ...data, nested: null })),
    );
  });

  it('in tests, refuses an answer that breaks its schema, as zod did in every environment', () => {
    const serialize = compile(person);
    expect(() => serialize({ ...row, rank: '处级' })).toThrow(/doesn't match the schema/);
    expect(() => serialize({ ...row, name: undefined })).toThrow();
  });
});

describe('answers copied and written by JSON.stringify', () => {
  const page = z.object({
    items: z.array(
      person.extend({
        count: z.number().int(),
        share: z.number().nullable(),
        demo: z.boolean(),
        kind: z.literal('meeting'),
        tags: z.array(z.string()).nullable(),
        host: z.object({ side: z.string(), name: z.string().nullable() }).nullable(),
      }),
    ),
    total: z.number().int(),
  });
  const full = {
    ...row,
    note: '备注 \u2028 \u0001 "q"',
    count: 3,
    share: 0.25,
    demo: false,
    kind: 'meeting' as const,
    tags: ['甲', ''],
    host: { side: 'east', name: null },
  };
  const bare = { ...full, note: undefined, share: null, tags: null, host: null };
  const slow = fastJsonStringify(writerSchemaOf(page) as never);
  /** What writing gave: the text, or the error thrown. */
  const outcome = (write: () => string) => {
    try {
      return write();
    } catch (e) {
      return `threw ${(e as Error).message}`;
    }
  };

  it('a list page is copied, not written field by field, and gives the writer’s bytes', () => {
    expect(projectionOf(writerSchemaOf(page))).not.toBeNull();
    const data = { items: [full, bare, { ...full, born: null, idNumberMasked: '110***********1234' }], total: 3 };
    expect(answerWriter(page)(data)).toBe(slow(data));
    // The writer's order: required fields first (zod's answer has 'note' in its declared place).
    expect(JSON.parse(answerWriter(page)(data))).toEqual(page.parse(data));
    expect(answerWriter(page)({ items: [], total: 0 })).toBe('{"items":[],"total":0}');
  });

  it('copies only declared fields: a field a presenter passes by mistake never leaves', () => {
    const out = answerWriter(page)({
      items: [{ ...full, idNumber: '110101198002291234', host: { side: 'east', name: '甲', mobile: '13800000000' } }],
      total: 1,
      secret: 1,
    });
    expect(out).not.toContain('110101198002291234');
    expect(out).not.toContain('13800000000');
    expect(out).not.toContain('secret');
    expect(JSON.parse(out)).toEqual({ items: [{ ...full, host: { side: 'east', name: '甲' } }], total: 1 });
  });

  it('an answer off its schema is written by the writer, as before', () => {
    const write = answerWriter(page);
    for (const odd of [
      { ...full, born: new Date('2026-12-07T20:00:00Z') },
      { ...full, count: '3' },
      { ...full, count: 2.5 },
      { ...full, demo: 1 },
      { ...full, kind: 'other' },
      { ...full, tags: 'x' },
      { ...full, host: { side: 1 } },
      { ...full, name: { toString: () => '名' } },
    ]) {
      const data = { items: [full, odd], total: 2 };
      expect(outcome(() => write(data))).toBe(outcome(() => slow(data)));
    }
    const missing = { items: [{ ...full, name: undefined }], total: 1 };
    expect(outcome(() => write(missing))).toMatch(/^threw .*required/);
    expect(outcome(() => write(missing))).toBe(outcome(() => slow(missing)));
  });

  it('unions, records, references and indexed names are left to the writer', () => {
    for (const schema of [
      z.object({ either: z.union([z.string(), z.number()]) }),
      z.object({ byYear: z.record(z.string(), z.number()) }),
      z.object({ '2024': z.number() }),
      z.object({ n: z.number().default(0) }),
    ])
      expect(projectionOf(writerSchemaOf(schema))).toBeNull();
  });
});

describe('every route', () => {
  it('has an answer schema the writer can be made from (made lazily, so a bad one would only fail when first asked)', async () => {
    const schemas = new Set<z.ZodType>();
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(({ schema }) => {
      schemas.add(schema as z.ZodType);
      return JSON.stringify;
    });
    app.decorate('deps', { config: loadConfig({ DATA_DIR: '/nonexistent' }) } as AppDeps);
    app.decorate('registeredRoutes', []);
    app.decorate('setupToken', new SetupToken());
    await app.register(async (scope) => registerModuleRoutes(scope));
    await app.ready();
    expect(schemas.size).toBeGreaterThan(100);
    for (const schema of schemas) expect(typeof answerWriter(schema)).toBe('function');
    // Most answers are copied and written by JSON.stringify (the rest by the writer): every list page among them.
    const projected = [...schemas].filter((schema) => projectionOf(writerSchemaOf(schema)));
    expect(projected.length).toBeGreaterThan(schemas.size * 0.8);
    await app.close();
  });
});
