import { z } from 'zod';

/**
 * `typed` (what this version knows, after its changes) plus every field of `raw` (as read
 * from the file) that `schema` does not describe, at every object level the schema
 * describes. A newer version's fields survive an older version's rewrite; a known field the
 * change removed stays removed. A union member is only merged into the same member (a
 * credential that changed kind takes none of the old kind's extras).
 */
export function withUnknownFields(schema: z.ZodType, raw: unknown, typed: unknown): unknown {
  const s = unwrap(schema);
  if (!isPlainObject(raw) || !isPlainObject(typed)) return typed;
  if (s instanceof z.ZodDiscriminatedUnion) {
    const disc = s.def.discriminator;
    if (raw[disc] !== typed[disc]) return typed;
    const option = (s.options as readonly z.ZodType[]).find((o) => {
      const field = o instanceof z.ZodObject ? (o.shape as Record<string, z.ZodType>)[disc] : undefined;
      return field?.safeParse(typed[disc]).success === true;
    });
    return option ? withUnknownFields(option, raw, typed) : typed;
  }
  if (!(s instanceof z.ZodObject)) return typed;
  const shape = s.shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(typed)) {
    const inner = shape[k];
    out[k] = inner ? withUnknownFields(inner, raw[k], v) : v;
  }
  for (const [k, v] of Object.entries(raw)) if (!(k in shape) && !(k in out)) out[k] = v;
  return out;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
