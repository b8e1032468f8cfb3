// The value types Pigsty's parameters use, as zod schemas, each tolerant the way Ansible is:
// YAML 1.1 booleans, numbers given as digit strings where the roles cast with `|int`, and Jinja
// expressions (`{{ ... }}`) anywhere a value is expected. Every schema carries a label that says,
// in words, what it expects; diagnostics use the label, never zod's own message.
import { z } from 'zod';

// Without this, zod compiles a parser with `new Function` the first time each object schema
// parses. We parse each distinct value once (validate.ts problemKey), so the compilation never
// pays for itself; and zod then evaluates no generated code.
z.config({ jitless: true });

export type Expect =
  | { kind: 'bool' | 'int' | 'port' | 'number' | 'string' | 'ip' | 'cidr' | 'list' | 'map' | 'object' | 'size' }
  | { kind: 'enum'; values: readonly (string | number | boolean)[] }
  | { kind: 'pattern'; what: string };

const labels = new WeakMap<z.ZodType, Expect>();

/**
 * One instance per primitive: zod schemas are immutable, and hundreds of parameters and item
 * fields share `bool()` or `opt(str())`. Building a zod schema costs far more than using one.
 */
function shared<T>(build: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= build());
}

export function label<T extends z.ZodType>(schema: T, expect: Expect): T {
  labels.set(schema, expect);
  return schema;
}

export function labelOf(schema: z.ZodType): Expect | undefined {
  return labels.get(schema);
}

/** A Jinja expression or statement, rendered by Ansible before the role sees the value. */
export const JINJA = /\{\{[\s\S]*\}\}|\{%[\s\S]*%\}/;
export const jinja = shared(() => z.string().regex(JINJA));

export function isJinja(value: unknown): boolean {
  return typeof value === 'string' && JINJA.test(value);
}

/** Strings Ansible's `|bool` filter reads as booleans (YAML 1.2 tools see them as strings). */
export const BOOL_STRINGS = ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'yes', 'no', 'Yes', 'No', 'YES', 'NO', 'on', 'off', 'On', 'Off', 'ON', 'OFF', 'y', 'n'] as const;

export const bool = shared(() => label(z.union([z.boolean(), z.enum(BOOL_STRINGS), jinja()]), { kind: 'bool' }));

const INT_STRING = /^-?[0-9]+$/;
const anyInt = shared(() => intBetween());
export const int = (min?: number, max?: number) => (min === undefined && max === undefined ? anyInt() : intBetween(min, max));
function intBetween(min?: number, max?: number) {
  let n = z.number().int();
  if (min !== undefined) n = n.min(min);
  if (max !== undefined) n = n.max(max);
  return label(z.union([n, z.string().regex(INT_STRING), jinja()]), { kind: 'int' });
}

export const port = shared(() => label(z.union([z.number().int().min(0).max(65535), z.string().regex(/^[0-9]{1,5}$/), jinja()]), { kind: 'port' }));

export const number = shared(() => label(z.union([z.number(), z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/), jinja()]), { kind: 'number' }));

/** Text: YAML numbers are fine too (Ansible renders them as text). */
export const str = shared(() => label(z.union([z.string(), z.number()]), { kind: 'string' }));

/** A duration or size written as a number or a string such as `10s`, `397d`, `64MiB`. */
export const size = shared(() => label(z.union([z.string(), z.number()]), { kind: 'size' }));

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
export const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
export const CIDR4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?[0-9]))?$`);
export const CIDR4_WITH_MASK = new RegExp(`^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?[0-9])$`);

export const ipv4 = shared(() => label(z.union([z.string().regex(IPV4), jinja()]), { kind: 'ip' }));
/** IPv4 with an optional `/mask` (vip-manager assumes /24 without it). */
export const cidr4 = shared(() => label(z.union([z.string().regex(CIDR4), jinja()]), { kind: 'cidr' }));

export function oneOf(values: readonly (string | number | boolean)[]) {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const others = values.filter((v) => typeof v !== 'string').map((v) => z.literal(v));
  const options: z.ZodType[] = [...(strings.length ? [z.enum(strings as [string, ...string[]])] : []), ...others, jinja()];
  return label(z.union(options as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]), { kind: 'enum', values });
}

export const list = <T extends z.ZodType>(item: T) => label(z.array(item), { kind: 'list' });
export const anyList = shared(() => label(z.array(z.unknown()), { kind: 'list' }));
export const map = <T extends z.ZodType>(value: T) => label(z.record(z.string(), value), { kind: 'map' });
export const anyMap = shared(() => label(z.record(z.string(), z.unknown()), { kind: 'map' }));
export const strList = shared(() => list(str()));

/** A fixed set of named fields; unknown fields are reported (warning) with the nearest known one. */
export function item<S extends z.ZodRawShape>(shape: S) {
  return label(z.strictObject(shape), { kind: 'object' });
}

const optionals = new WeakMap<z.ZodType, z.ZodOptional>();
export const opt = <T extends z.ZodType>(s: T): z.ZodOptional<T> => {
  let o = optionals.get(s);
  if (!o) optionals.set(s, (o = s.optional()));
  return o as z.ZodOptional<T>;
};
