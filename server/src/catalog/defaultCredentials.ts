// Well-known credentials Pigsty ships, as role defaults or hard-coded in its templates
// (rules-reference §6). Anyone who has read Pigsty's docs knows them.

export interface WellKnownSecret {
  /** The exact value, or a family of values. */
  value: string | RegExp;
  /** Where Pigsty ships it (for docs and hover). */
  shippedIn: string;
}

export const WELL_KNOWN_SECRETS: readonly WellKnownSecret[] = [
  { value: 'pigsty', shippedIn: 'grafana_admin_password, haproxy_admin_password, nginx_users.admin, PGADMIN_DEFAULT_PASSWORD' },
  { value: 'Patroni.API', shippedIn: 'patroni_password' },
  { value: 'Etcd.Root', shippedIn: 'etcd_root_password' },
  { value: 'pgBackRest', shippedIn: 'pgbackrest_repo.minio.cipher_pass' },
  { value: 'Vibe.Coding', shippedIn: 'code_password, jupyter_password' },
  { value: 'minioadmin', shippedIn: 'minio_secret_key (older docs)' },
  { value: 'test', shippedIn: 'pg-test user `test` in conf/demo/el.yml and debian.yml' },
  // DBUser.DBA, .Monitor, .Replicator, .Viewer, .Meta, .Postgres, .Citus, .Supa, .Odoo, ... and MySQL's .Root, .Cluster
  { value: /^DBUser\.[A-Za-z]+$/, shippedIn: 'pg_*_password, pg_users, grafana_view_password, mysql_*_password' },
  // S3User.MinIO, .Backup, .Meta, .Data
  { value: /^S3User\.[A-Za-z]+$/, shippedIn: 'minio_secret_key, minio_users, pgbackrest_repo.minio.s3_key_secret' },
  { value: /^redis\.(ms|meta|test|src|dst)$/, shippedIn: 'redis_password in the redis templates' },
];

/** Keys whose value is a secret. */
export const SECRET_KEY = /(password|passwd|secret|secret_key|cipher_pass|auth_pass)$/i;
/** Parameters whose map values are all passwords (`{user: password}`). */
export const PASSWORD_MAPS: ReadonlySet<string> = new Set(['nginx_users']);

/** `configure -g` replaces these parameters by name and these values everywhere; others it leaves. */
export const GENERATED_PARAMS: ReadonlySet<string> = new Set([
  'grafana_admin_password', 'pg_admin_password', 'pg_monitor_password', 'pg_replication_password',
  'patroni_password', 'haproxy_admin_password', 'minio_secret_key', 'etcd_root_password',
]);
export const GENERATED_VALUES: ReadonlySet<string> = new Set([
  'DBUser.Meta', 'DBUser.Viewer', 'S3User.Backup', 'S3User.Meta', 'S3User.Data', 'DBUser.Supa', 'Vibe.Coding',
]);

export function isWellKnownSecret(value: string): boolean {
  return WELL_KNOWN_SECRETS.some((s) => (typeof s.value === 'string' ? s.value === value : s.value.test(value)));
}
