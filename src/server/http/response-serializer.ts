import fastJsonStringify, { type Schema as WriterSchema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type Serialize = (data: unknown) => string;

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The answer's JSON Schema as the writer needs it: `anyOf [X, null]` (zod's nullable) becomes X with `null` among
 * its types, which the writer tells apart by `typeof` instead of running a validator per value; and no
 * `additionalProperties: false`, because the writer leaves out undeclared fields anyway and, in a real union, the
 * validator choosing the branch would refuse a row that carries more than the branch declares.
 */
function forWriter(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forWriter);
  if (!isObject(node)) return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema' || (k === 'additionalProperties' && v === false)) continue;
    out[k] = forWriter(v);
  }
  const options = out.anyOf;
  if (Array.isArray(options) && options.length === 2 && Object.keys(out).length === 1) {
    const isNull = (o: unknown) => isObject(o) && o.type === 'null' && Object.keys(o).length === 1;
    const other = options.find((o) => !isNull(o));
    if (options.some(isNull) && isObject(other) && typeof other.type === 'string' && !('anyOf' in other))
      return { ...other, type: [other.type, 'null'] };
  }
  return out;
}

/** The answer's JSON Schema as the writer and the projection read it. */
export const writerSchemaOf = (schema: z.ZodType): unknown =>
  forWriter(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', cycles: 'ref' }));

/** Thrown by a projection at a value its schema does not describe: the answer is then written by the writer. */
const OFF_SCHEMA = Object.freeze({ offSchema: true });
const offSchema = (): never => {
  throw OFF_SCHEMA;
};

/** Schema words a projection understands; any other (unions, references, records, defaults …) leaves it to the writer. */
const PROJECTED_WORDS = new Set([
  'type',
  'properties',
  'required',
  'items',
  'format',
  'pattern',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'description',
  'title',
]);
/** A name V8 would not keep in the order written (an array index) or one an object literal reads otherwise. */
const REORDERED_NAME = /^(?:0|[1-9]\d*)$|^__proto__$/;
const PRIMITIVE_CHECK: Record<string, (v: string) => string> = {
  string: (v) => `typeof ${v} === 'string'`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `Number.isFinite(${v})`,
  boolean: (v) => `typeof ${v} === 'boolean'`,
};

/**
 * A function that copies an answer into fresh objects holding only the fields its schema declares, in the writer's
 * order, for JSON.stringify to write; null when the schema uses anything but objects, arrays, nullable primitives,
 * enums and consts. Any value the schema does not describe (a Date or a number given for a string, a required field
 * missing) throws OFF_SCHEMA, and the answer is written by the writer instead, as before. V8's JSON.stringify writes a
 * copied list page in about half the writer's time (a 60-row meetings page: ~50 against ~105 µs) and gives the same
 * bytes: the same fields in the same order, and JSON.stringify's escapes, which the writer's output is checked against
 * in every test (checkEveryAnswer).
 */
export function projectionOf(schema: unknown): ((data: unknown) => unknown) | null {
  const functions: string[] = [];
  /** An expression of `v` (a variable) projected by `node`, or null when a projection cannot tell it. */
  const expr = (node: unknown, v: string): string | null => {
    if (!isObject(node) || Object.keys(node).some((k) => !PROJECTED_WORDS.has(k))) return null;
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const nullable = types.includes('null');
    const others = types.filter((t) => t !== 'null');
    if (others.length !== 1 || typeof others[0] !== 'string') return null;
    const type = others[0];
    const orNull = (e: string) => (nullable ? `(${v} === null ? null : ${e})` : e);
    if ('const' in node) {
      if (node.const === null || typeof node.const === 'object') return null;
      return `(${v} === ${JSON.stringify(node.const)} ? ${v} : ${nullable ? `${v} === null ? null : ` : ''}off())`;
    }
    const check = PRIMITIVE_CHECK[type];
    if (check) return `(${check(v)} ? ${v} : ${nullable ? `${v} === null ? null : ` : ''}off())`;
    const name = `p${functions.length}`;
    functions.push('');
    let body: string | null;
    if (type === 'array') {
      const item = expr(node.items, 'x');
      body =
        item &&
        `if (!Array.isArray(a)) off(); const n = a.length, out = new Array(n); for (let i = 0; i < n; i++) { const x = a[i]; out[i] = ${item}; } return out;`;
    } else if (type === 'object') {
      const properties = isObject(node.properties) ? node.properties : {};
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      if ([...required].some((key) => !(key in properties))) return null;
      const fields: string[] = [];
      // The writer's order: the required fields first, then the optional ones, each in the schema's order.
      const keys = Object.keys(properties);
      const inOrder = [...keys.filter((key) => required.has(key)), ...keys.filter((key) => !required.has(key))];
      for (const key of inOrder) {
        const sub = properties[key];
        if (REORDERED_NAME.test(key)) return null;
        const k = JSON.stringify(key);
        const e = expr(sub, 'x');
        if (!e) return null;
        // An optional field left out stays out: JSON.stringify, like the writer, writes no undefined field.
        const value = required.has(key) ? e : `x === undefined ? undefined : ${e}`;
        fields.push(`${k}: (x = a[${k}], ${value})`);
      }
      body = `if (typeof a !== 'object' || a === null || Array.isArray(a)) off(); let x; return { ${fields.join(', ')} };`;
    } else return null;
    if (!body) return null;
    functions[Number(name.slice(1))] = `function ${name}(a) { ${body} }`;
    return orNull(`${name}(${v})`);
  };
  const top = expr(schema, 'data');
  if (!top) return null;
  // Code made from the route's own schema (names written as JSON strings), as the writer itself is.
  return new Function('off', `${functions.join('\n')}\nreturn (data) => ${top};`)(offSchema) as (
    data: unknown,
  ) => unknown;
}

/**
 * Writes only the fields the zod schema declares, in its order: by a projection and JSON.stringify when the schema
 * allows one (projectionOf), else, and for an answer off its schema, by fast-json-stringify.
 */
export function answerWriter(schema: z.ZodType): Serialize {
  const jsonSchema = writerSchemaOf(schema);
  const writer = fastJsonStringify(jsonSchema as WriterSchema);
  const project = projectionOf(jsonSchema);
  if (!project) return writer;
  return (data) => {
    let copy: unknown;
    try {
      copy = project(data);
    } catch (e) {
      if (e === OFF_SCHEMA) return writer(data);
      throw e;
    }
    return JSON.stringify(copy);
  };
}

/**
 * One writer per schema, made when its first answer is written: compiling one takes 5–25 ms, so compiling all
 * 300 routes' at start would add seconds to every start (and to every test's app); routes share schemas too.
 */
const writers = new WeakMap<z.ZodType, Serialize>();
function writerFor(schema: z.ZodType): Serialize {
  let write = writers.get(schema);
  if (!write) {
    write = answerWriter(schema);
    writers.set(schema, write);
  }
  return write;
}

/**
 * Tests check every answer with zod as well, and that the writer wrote exactly what zod's output would have been:
 * a presenter that breaks its schema, or a schema the writer reads differently, fails the API tests.
 */
const checkEveryAnswer = process.env.NODE_ENV === 'test';

/**
 * The response serializer (docs/DECISIONS.md, "Answers written from their schema"). The zod schema stays the one
 * description of every answer; from it a writer is compiled once per route that writes the declared fields and
 * nothing else, so a field a presenter passes by mistake (an ID number) never leaves the server. Checking every
 * answer with zod and then stringifying it cost a list page several times the writer's work.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema, method, url }) => {
  let write: Serialize | undefined;
  if (!checkEveryAnswer) return (data: unknown) => (write ??= writerFor(schema))(data);
  return (data: unknown) => {
    write ??= writerFor(schema);
    const checked = z.safeEncode(schema, data);
    if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
    const expected = JSON.stringify(checked.data);
    const written = write(data);
    if (written !== expected) {
      let at = 0;
      while (written[at] === expected[at]) at++;
      const around = (s: string) => s.slice(Math.max(0, at - 300), at + 300);
      throw new ResponseSerializationError(method, url, {
        cause: new z.ZodError([
          {
            code: 'custom',
            path: [],
            input: data,
            message: `at character ${at} the writer wrote …${around(written)}… where zod's answer is …${around(expected)}…`,
          },
        ]),
      });
    }
    return written;
  };
};
