// The shapes of list items and dict entries the roles read field by field (rules-reference §2).
// Where Pigsty's `bin/validate` disagrees with the roles, the roles win (§3.5): role grants as
// objects, schema objects, `state: absent`, `dest: <port>`, HBA `addr: intranet|all`, `auth: reject`.
import { z } from 'zod';
import { anyList, anyMap, bool, int, ipv4, item, jinja, label, list, map, oneOf, opt, port, str, strList } from './primitives';

export const POOL_MODES = ['transaction', 'session', 'statement'] as const;
export const HBA_ADDR_ALIASES = ['local', 'localhost', 'admin', 'infra', 'cluster', 'intra', 'intranet', 'world', 'all'] as const;
export const HBA_AUTH = ['deny', 'pwd', 'ssl', 'sha', 'cert', 'ssl-md5', 'ssl-sha', 'md5', 'os', 'ident', 'peer', 'trust', 'reject', 'scram-sha-256'] as const;
export const HBA_ROLES = ['default', 'common', 'primary', 'replica', 'offline', 'standby', 'delayed'] as const;

/** `^[a-z_][a-z0-9_@.-]{0,62}$`, the role's user-name check (`roles/pgsql/tasks/user.yml`). */
export const PG_USER_NAME = /^[a-z_][a-z0-9_@.-]{0,62}$/;

const poolMode = () => oneOf(POOL_MODES);
const roleGrant = () =>
  label(
    z.union([
      z.string(),
      item({ name: str(), state: opt(oneOf(['grant', 'revoke', 'absent'])), admin: opt(bool()), set: opt(bool()), inherit: opt(bool()) }),
    ]),
    { kind: 'pattern', what: 'role' },
  );

export const pgUser = () =>
  item({
    name: label(z.union([z.string().regex(PG_USER_NAME), jinja()]), { kind: 'pattern', what: 'username' }),
    state: opt(oneOf(['create', 'absent'])),
    password: opt(str()),
    login: opt(bool()),
    superuser: opt(bool()),
    createdb: opt(bool()),
    createrole: opt(bool()),
    inherit: opt(bool()),
    replication: opt(bool()),
    bypassrls: opt(bool()),
    connlimit: opt(int()),
    expire_in: opt(int()),
    expire_at: opt(str()),
    comment: opt(str()),
    roles: opt(list(roleGrant())),
    parameters: opt(anyMap()),
    pgbouncer: opt(bool()),
    pool_mode: opt(poolMode()),
    pool_connlimit: opt(int()),
  });

const schemaEntry = () =>
  label(z.union([z.string(), item({ name: str(), owner: opt(str()), state: opt(oneOf(['create', 'absent'])) })]), {
    kind: 'pattern',
    what: 'schema',
  });

export const extensionEntry = () =>
  label(
    z.union([z.string(), item({ name: str(), schema: opt(str()), version: opt(str()), state: opt(oneOf(['create', 'absent'])) })]),
    { kind: 'pattern', what: 'extension' },
  );

export const pgDatabase = () =>
  item({
    name: str(),
    state: opt(oneOf(['create', 'absent', 'recreate'])),
    owner: opt(str()),
    comment: opt(str()),
    template: opt(str()),
    strategy: opt(oneOf(['FILE_COPY', 'WAL_LOG', 'file_copy', 'wal_log'])),
    encoding: opt(str()),
    locale: opt(str()),
    lc_collate: opt(str()),
    lc_ctype: opt(str()),
    locale_provider: opt(oneOf(['libc', 'icu', 'builtin'])),
    icu_locale: opt(str()),
    icu_rules: opt(str()),
    builtin_locale: opt(str()),
    tablespace: opt(str()),
    is_template: opt(bool()),
    allowconn: opt(bool()),
    revokeconn: opt(bool()),
    connlimit: opt(int()),
    baseline: opt(str()),
    schemas: opt(list(schemaEntry())),
    extensions: opt(list(extensionEntry())),
    parameters: opt(anyMap()),
    pgbouncer: opt(bool()),
    pool_mode: opt(poolMode()),
    pool_size: opt(int()),
    pool_size_min: opt(int()),
    pool_reserve: opt(int()),
    pool_connlimit: opt(int()),
    pool_auth_user: opt(str()),
    register_datasource: opt(bool()),
  });

const hbaAddr = () =>
  label(z.union([z.enum(HBA_ADDR_ALIASES), z.string().regex(cidrSource()), jinja()]), {
    kind: 'enum',
    values: [...HBA_ADDR_ALIASES, '<IPv4>[/mask]'],
  });

function cidrSource(): RegExp {
  return /^([0-9]{1,3}\.){3}[0-9]{1,3}(\/([0-9]|[1-2][0-9]|3[0-2]))?$/;
}

/** One HBA rule: raw `rules` lines, or `addr` + `auth` (+ `user`, `db`, default `all`). */
export const hbaRule = () =>
  item({
    title: opt(str()),
    role: opt(oneOf(HBA_ROLES)),
    order: opt(int()),
    rules: opt(strList()),
    addr: opt(hbaAddr()),
    auth: opt(oneOf(HBA_AUTH)),
    user: opt(str()),
    db: opt(str()),
  });

/** A PostgreSQL service rendered into HAProxy (`pg_services`, `pg_default_services`). */
export const pgService = () =>
  item({
    name: str(),
    port: port(),
    ip: opt(str()),
    selector: opt(str()),
    backup: opt(str()),
    dest: opt(label(z.union([z.enum(['default', 'postgres', 'pgbouncer']), z.number().int().min(1).max(65535), jinja()]), {
      kind: 'enum',
      values: ['default', 'postgres', 'pgbouncer', '<port>'],
    })),
    check: opt(str()),
    maxconn: opt(int()),
    balance: opt(oneOf(['roundrobin', 'leastconn'])),
    options: opt(label(z.union([z.string(), z.array(z.string())]), { kind: 'string' })),
  });

/** A node-level HAProxy service (`haproxy_services`). */
export const haproxyService = () =>
  item({
    name: str(),
    port: port(),
    ip: opt(str()),
    protocol: opt(str()),
    maxconn: opt(int()),
    balance: opt(str()),
    options: opt(label(z.union([z.string(), z.array(z.string())]), { kind: 'string' })),
    default: opt(str()),
    servers: opt(list(item({ name: str(), ip: str(), port: port(), backup: opt(bool()), weight: opt(int()), options: opt(str()) }))),
  });

/** One Nginx server in `infra_portal` (`home` is the default site). */
export const portalEntry = () =>
  item({
    domain: opt(str()),
    domains: opt(strList()),
    endpoint: opt(str()),
    path: opt(str()),
    conf: opt(str()),
    scheme: opt(oneOf(['http', 'https'])),
    websocket: opt(bool()),
    auth: opt(bool()),
    realm: opt(str()),
    certbot: opt(str()),
    cert: opt(str()),
    key: opt(str()),
    log: opt(str()),
    index: opt(bool()),
    enforce_https: opt(bool()),
    config: opt(str()),
  });

/** `redis_instances`: port -> instance settings (`replica_of: 'ip port'`). */
export const redisInstance = () =>
  label(z.union([z.null(), label(z.looseObject({ replica_of: opt(str()) }), { kind: 'object' })]), { kind: 'object' });

export const minioUser = () => item({ access_key: str(), secret_key: str(), policy: opt(str()) });
export const minioBucket = () => item({ name: str(), versioning: opt(bool()), lock: opt(bool()), objlock: opt(bool()) });
export const sentinelMaster = () =>
  item({ name: str(), host: ipv4(), port: opt(port()), password: opt(str()), quorum: opt(int()), remove: opt(bool()) });

/** `pg_parameters`: GUC name -> value, written verbatim to postgresql.auto.conf. */
export const pgParameters = () => map(label(z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]), { kind: 'string' }));

export const pgExporter = () =>
  label(z.looseObject({
    pg_cluster: str(),
    pg_seq: int(0),
    pg_host: str(),
    pg_port: opt(port()),
    pg_databases: opt(anyList()),
    pg_exporter_url: opt(str()),
    pg_exporter_port: opt(port()),
    pg_exporter_auto_discovery: opt(bool()),
    pg_exporter_include_database: opt(str()),
    pg_exporter_exclude_database: opt(str()),
    pg_monitor_username: opt(str()),
    pg_monitor_password: opt(str()),
    pg_dbsu: opt(str()),
    pg_version: opt(int()),
  }), { kind: 'object' });
