// One zod schema per Pigsty parameter, built from the catalog's type column plus what the roles
// read (enums, item shapes). Diagnostics, completion and the JSON Schema all come from here.
import { z } from 'zod';
import { ENUMS } from './enums';
import {
  extensionEntry, haproxyService, hbaRule, minioBucket, minioUser, pgDatabase, pgExporter, pgParameters, pgService, pgUser,
  portalEntry, redisInstance, sentinelMaster,
} from './items';
import { PARAMS, ParamFact, param } from './params';
import {
  anyList, anyMap, bool, cidr4, int, ipv4, jinja, label, list, map, number, oneOf, port, size, str, strList,
} from './primitives';

/** Shapes that the type column alone does not tell. */
const BY_NAME: Record<string, () => z.ZodType> = {
  pg_users: () => list(pgUser()),
  pg_default_roles: () => list(pgUser()),
  pg_databases: () => list(pgDatabase()),
  pg_hba_rules: () => list(hbaRule()),
  pgb_hba_rules: () => list(hbaRule()),
  pg_default_hba_rules: () => list(hbaRule()),
  pgb_default_hba_rules: () => list(hbaRule()),
  pg_services: () => list(pgService()),
  pg_default_services: () => list(pgService()),
  haproxy_services: () => list(haproxyService()),
  pg_default_extensions: () => list(extensionEntry()),
  infra_portal: () => map(portalEntry()),
  redis_instances: () => map(redisInstance()),
  minio_users: () => list(minioUser()),
  minio_buckets: () => list(minioBucket()),
  redis_sentinel_monitor: () => list(sentinelMaster()),
  pg_parameters: () => pgParameters(),
  pg_exporters: () => map(pgExporter()),
  pg_version: () => int(10, 99),
  pg_max_conn: () => label(z.union([z.literal('auto'), z.number().int().min(0), z.string().regex(/^[0-9]+$/), jinja()]), {
    kind: 'enum',
    values: ['auto', '<integer ≥ 20>'],
  }),
  pg_conf: () => label(z.union([z.string().regex(/\.ya?ml$/), jinja()]), { kind: 'enum', values: ['oltp.yml', 'olap.yml', 'crit.yml', 'tiny.yml', '<file>.yml'] }),
  pg_dns_target: () => label(z.union([z.enum(['auto', 'primary', 'vip', 'none']), ipv4()]), {
    kind: 'enum',
    values: ['auto', 'primary', 'vip', 'none', '<IPv4>'],
  }),
  // empty means "the host's own IP"
  redis_bind_address: () => label(z.union([z.literal(''), ipv4()]), { kind: 'ip' }),
  pg_upstream: () => ipv4(),
};

function fromType(fact: ParamFact): z.ZodType {
  const e = ENUMS[fact.name];
  if (e?.strict) {
    const values: (string | number | boolean)[] = e.ignoreCase
      ? [...new Set(e.values.flatMap((v): (string | number | boolean)[] => (typeof v === 'string' ? [v, v.toUpperCase(), cap(v)] : [v])))]
      : [...e.values];
    return oneOf(values);
  }
  switch (fact.type) {
    case 'bool':
      return bool();
    case 'int':
      return int();
    case 'port':
      return port();
    case 'float':
      return number();
    case 'interval':
    case 'size':
      return size();
    case 'ip':
      return ipv4();
    case 'cidr4':
      return cidr4();
    case 'string[]':
    case 'path[]':
    case 'cidr[]':
    case 'ip[]':
      return strList();
    case 'port[]':
      return list(port());
    case 'dict':
      return anyMap();
    case 'list':
    case 'service[]':
    case 'upstream[]':
    case 'user[]':
    case 'role[]':
    case 'database[]':
    case 'hba[]':
    case 'extension[]':
    case 'bucket[]':
    case 'master[]':
      return anyList();
    default:
      // string, username, password, mail, arg, url, pgurl, path, ip(s), enum (open)
      return str();
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const cache = new Map<string, z.ZodType>();

/** The value schema of a parameter (without the top-level Jinja/null allowance), or undefined. */
export function paramSchema(name: string): z.ZodType | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const fact = param(name);
  if (!fact || fact.kind === 'derived') return undefined;
  const schema = BY_NAME[name]?.() ?? fromType(fact);
  cache.set(fact.name, schema); // the catalog's string: `name` may be cut from a document's text
  return schema;
}

/** Parameter names with a schema, in catalog order. */
export function schemaNames(): string[] {
  return PARAMS.filter((p) => p.kind !== 'derived').map((p) => p.name);
}
