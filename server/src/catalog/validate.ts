// Checks one parameter value against its schema and says, per place in the value, what is wrong:
// a wrong type or value, a missing required field, or a field the roles do not read.
import type { z } from 'zod';
import { ownString } from '../engine/ownString';
import { param } from './params';
import { Expect, isJinja, labelOf } from './primitives';
import { paramSchema } from './schemas';
import { nearest } from './suggest';

export type PathSeg = string | number;

export type Problem =
  | { kind: 'type'; path: PathSeg[]; expect: Expect | undefined }
  | { kind: 'missing'; path: PathSeg[]; field: string }
  | { kind: 'unknown-field'; path: PathSeg[]; field: string; suggestion?: string };

type Def = {
  type: string;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 8; i++) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) cur = d.innerType;
    else break;
  }
  return cur;
}

function expand(s: z.ZodType): z.ZodType[] {
  const u = unwrap(s);
  const d = defOf(u);
  return d.type === 'union' && d.options ? d.options.flatMap(expand) : [u];
}

/** The schemas that describe the value at `path` (several when a union allows several shapes). */
export function schemasAt(root: z.ZodType, path: readonly PathSeg[]): z.ZodType[] {
  let current: z.ZodType[] = [root];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current.flatMap(expand)) {
      const d = defOf(s);
      if (d.type === 'object' && d.shape && typeof seg === 'string' && d.shape[seg]) next.push(d.shape[seg]);
      else if (d.type === 'record' && d.valueType) next.push(d.valueType);
      else if (d.type === 'array' && d.element && typeof seg === 'number') next.push(d.element);
    }
    current = next;
  }
  return current;
}

/** The label of the value expected at `path`. */
export function expectAt(root: z.ZodType, path: readonly PathSeg[]): Expect | undefined {
  for (const s of schemasAt(root, path)) {
    const e = labelOf(s) ?? labelOf(unwrap(s));
    if (e) return e;
  }
  return undefined;
}

/** Field names an object at `path` may have (for completion and suggestions). */
export function fieldsAt(root: z.ZodType, path: readonly PathSeg[]): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(root, path).flatMap(expand)) {
    const d = defOf(s);
    if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) out.add(k);
  }
  return [...out];
}

/** Whether a field of the object at `path` is required. */
export function isRequiredField(root: z.ZodType, path: readonly PathSeg[], field: string): boolean {
  return schemasAt(root, [...path, field]).some((s) => defOf(s).type !== 'optional');
}

function normalize(value: unknown, depth = 0): unknown {
  if (depth > 32) return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => normalize(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v, depth + 1);
    return out;
  }
  return value;
}

function valueAt(value: unknown, path: readonly PathSeg[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return cur;
}

/** Problems of `value` as the value of parameter `name`; empty when fine or not checkable. */
export function validateParam(name: string, value: unknown): Problem[] {
  const schema = paramSchema(name);
  if (!schema || value === null || value === undefined || isJinja(value)) return [];
  const input = normalize(value);
  const result = schema.safeParse(input);
  if (result.success) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is PathSeg => typeof p === 'string' || typeof p === 'number');
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(schema, path);
      for (const field of issue.keys) {
        const key = JSON.stringify([...path, field]);
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ kind: 'unknown-field', path: [...path, field], field, suggestion: nearest(field, known) });
      }
      continue;
    }
    const key = JSON.stringify(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const here = valueAt(input, path);
    if (isJinja(here)) continue;
    if (here === undefined && path.length > 0) {
      problems.push({ kind: 'missing', path: path.slice(0, -1), field: String(path[path.length - 1]) });
    } else {
      problems.push({ kind: 'type', path, expect: expectAt(schema, path) });
    }
  }
  return problems;
}

/** The schemas at one place in a parameter's value, with the places below it found once and kept. */
interface SchemaPlace {
  schemas: z.ZodType[];
  /** Every schema here takes any string as it is (`str()`, `size()`): a string's text cannot matter. */
  anyString: boolean;
  /**
   * When the schemas here judge a string only by regular expressions (or not at all), those
   * expressions: a string's problems then depend only on which of them it matches. Else null.
   */
  patterns: RegExp[] | null;
  /** The keys that an object schema here names: every other key of a map shares one place below. */
  named: ReadonlySet<string>;
  below: Map<string | number, SchemaPlace>;
}

/** The place below a map's keys that no object schema names (a record's keys, unknown fields). */
const ANY_OTHER_KEY = -2;
/** The place of a list's items, whatever their index. */
const ANY_ITEM = -1;

/** Schema kinds that reject every string alike (or accept every one): a string's text does not matter to them. */
const BLIND_TO_STRINGS = new Set(['number', 'int', 'boolean', 'bigint', 'null', 'undefined', 'object', 'array', 'record', 'tuple', 'date', 'unknown', 'any', 'never']);

type StringCheckDef = { check?: string; format?: string; pattern?: RegExp };

function stringPatterns(schemas: z.ZodType[]): RegExp[] | null {
  const out: RegExp[] = [];
  for (const s of schemas.flatMap(expand)) {
    const d = defOf(s) as Def & { checks?: { _zod: { def: StringCheckDef } }[] };
    if (BLIND_TO_STRINGS.has(d.type)) continue;
    if (d.type !== 'string') return null;
    for (const c of d.checks ?? []) {
      const cd = c._zod.def;
      if (cd.check !== 'string_format' || cd.format !== 'regex' || !(cd.pattern instanceof RegExp)) return null;
      if (cd.pattern.global || cd.pattern.sticky) return null;
      out.push(cd.pattern);
    }
  }
  return out;
}

const placesByParam = new Map<string, SchemaPlace | null>();

function schemaPlace(schemas: z.ZodType[]): SchemaPlace {
  const anyString = schemas.length > 0 && schemas.every((s) => {
    const e = labelOf(s) ?? labelOf(unwrap(s));
    return e?.kind === 'string' || e?.kind === 'size';
  });
  const named = new Set<string>();
  for (const s of schemas.flatMap(expand)) {
    const d = defOf(s);
    if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) named.add(k);
  }
  return { schemas, anyString, patterns: anyString ? null : stringPatterns(schemas), named, below: new Map() };
}

// Places live as long as the server: they are kept per key the schemas name, never per key a
// document happens to hold (those would pile up as the user types, each cut from its text).
function placeBelow(place: SchemaPlace, seg: PathSeg): SchemaPlace {
  const key = typeof seg === 'number' ? ANY_ITEM : place.named.has(seg) ? seg : ANY_OTHER_KEY;
  let next = place.below.get(key);
  if (!next) {
    const out: z.ZodType[] = [];
    for (const s of place.schemas.flatMap(expand)) {
      const d = defOf(s);
      if (d.type === 'object' && d.shape && typeof seg === 'string' && Object.hasOwn(d.shape, seg)) out.push(d.shape[seg]);
      else if (d.type === 'record' && d.valueType) out.push(d.valueType);
      else if (d.type === 'array' && d.element && typeof seg === 'number') out.push(d.element);
    }
    place.below.set(typeof key === 'string' ? ownString(key) : key, (next = schemaPlace(out)));
  }
  return next;
}

const MAX_KEY_DEPTH = 16;

function shapeKey(place: SchemaPlace, value: unknown, depth: number): string {
  if (depth > MAX_KEY_DEPTH) throw new RangeError('too deep to key');
  if (typeof value === 'string') {
    const jinja = isJinja(value);
    if (place.anyString && !jinja) return 's';
    if (place.patterns) return `p${jinja ? 1 : 0}${place.patterns.map((p) => (p.test(value) ? 1 : 0)).join('')}`;
    return `S${JSON.stringify(value)}`;
  }
  if (value instanceof Date) return `d${value.toISOString()}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + shapeKey(placeBelow(place, i), value[i], depth + 1);
    return out + ']';
  }
  if (value !== null && typeof value === 'object') {
    let out = '{';
    for (const k of Object.keys(value)) out += `${JSON.stringify(k)}:${shapeKey(placeBelow(place, k), (value as Record<string, unknown>)[k], depth + 1)},`;
    return out + '}';
  }
  return `${typeof value}:${String(value)}`;
}

/**
 * A key that two values of parameter `name` share only when validateParam finds the same problems
 * in both: strings where the schema takes any string stand for every string, so that a thousand
 * `pg_users` that differ only in their passwords are validated once. Null when not worth keying.
 */
export function problemKey(name: string, value: unknown): string | null {
  let place = placesByParam.get(name);
  if (place === undefined) {
    const schema = paramSchema(name);
    place = schema ? schemaPlace([schema]) : null;
    // under the catalog's string (`name` is cut from a document's text); names outside it are not kept
    const known = param(name)?.name;
    if (known !== undefined) placesByParam.set(known, place);
  }
  if (place === null) return `${name}\u0000unchecked`;
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? `${name}\u0000${shapeKey(place, value, 0)}` : `${name}\u0000${typeof value}:${String(value)}`;
  }
  try {
    return `${name}\u0000${shapeKey(place, value, 0)}`;
  } catch {
    return null;
  }
}
