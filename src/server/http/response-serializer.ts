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

/** Writes only the fields the zod schema declares, in its order. */
export function answerWriter(schema: z.ZodType): Serialize {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', cycles: 'ref' });
  return fastJsonStringify(forWriter(jsonSchema) as WriterSchema);
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
