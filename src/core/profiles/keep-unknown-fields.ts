import { z } from 'zod';

/**
 * Fields a newer version wrote that this one does not know, kept so a rewrite does not
 * erase them. At read, `unknownFields` takes from each entry only what `schema` does not
 * describe (at every object level it describes), usually nothing; at write,
 * `withUnknownFields` puts that back beside what this version knows, so a known field a
 * change removed stays removed. A union member only gets its own extras back (a credential
 * that changed kind takes none of the old kind's). The schema is read once into a plain
 * tree, so a 10,000-profile file costs a key walk, not a schema walk per entry.
 */
interface Shape {
  readonly keys: ReadonlySet<string>;
  readonly nested: ReadonlyMap<string, Shape>;
  readonly union?: { readonly disc: string; readonly options: ReadonlyMap<unknown, Shape> };
}

export type Extras = Readonly<Record<string, unknown>>;

const shapes = new WeakMap<z.ZodType, Shape | null>();

function shapeOf(schema: z.ZodType): Shape | null {
  const cached = shapes.get(schema);
  if (cached !== undefined) return cached;
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  let shape: Shape | null = null;
  if (s instanceof z.ZodObject) {
    const fields = s.shape as Record<string, z.ZodType>;
    const nested = new Map<string, Shape>();
    for (const [k, v] of Object.entries(fields)) {
      const inner = shapeOf(v);
      if (inner) nested.set(k, inner);
    }
    shape = { keys: new Set(Object.keys(fields)), nested };
  } else if (s instanceof z.ZodDiscriminatedUnion) {
    const disc = s.def.discriminator;
    const options = new Map<unknown, Shape>();
    for (const o of s.options as readonly z.ZodType[]) {
      const field = o instanceof z.ZodObject ? (o.shape as Record<string, z.ZodType>)[disc] : undefined;
      const inner = shapeOf(o);
      if (field instanceof z.ZodLiteral && inner) for (const v of field.values) options.set(v, inner);
    }
    shape = { keys: new Set([disc]), nested: new Map(), union: { disc, options } };
  }
  shapes.set(schema, shape);
  return shape;
}

/** What of `raw` the schema does not describe; undefined when that is nothing. */
export function unknownFields(schema: z.ZodType, raw: unknown): Extras | undefined {
  const shape = shapeOf(schema);
  return shape ? extrasOf(shape, raw) : undefined;
}

function extrasOf(shape: Shape, raw: unknown): Extras | undefined {
  if (!isPlainObject(raw)) return undefined;
  if (shape.union) {
    const option = shape.union.options.get(raw[shape.union.disc]);
    const inner = option && extrasOf(option, raw);
    // The member's extras remember which member they belong to.
    return inner ? { ...inner, [shape.union.disc]: raw[shape.union.disc] } : undefined;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(raw)) {
    const nested = shape.nested.get(k);
    const extra = !shape.keys.has(k) ? v : nested ? extrasOf(nested, v) : undefined;
    if (extra !== undefined) (out ??= {})[k] = extra;
  }
  return out;
}

/** `typed` with `extras` (from unknownFields of the same schema) put back. */
export function withUnknownFields(schema: z.ZodType, extras: Extras | undefined, typed: unknown): unknown {
  const shape = shapeOf(schema);
  return shape && extras ? merge(shape, extras, typed) : typed;
}

function merge(shape: Shape, extras: Extras, typed: unknown): unknown {
  if (!isPlainObject(typed)) return typed;
  if (shape.union) {
    const disc = shape.union.disc;
    const option = shape.union.options.get(typed[disc]);
    return option && extras[disc] === typed[disc] ? merge(option, extras, typed) : typed;
  }
  const out: Record<string, unknown> = { ...typed };
  for (const [k, v] of Object.entries(extras)) {
    const nested = shape.nested.get(k);
    if (!shape.keys.has(k)) {
      if (!(k in out)) out[k] = v;
    } else if (nested && isPlainObject(v) && k in typed) out[k] = merge(nested, v, typed[k]);
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
