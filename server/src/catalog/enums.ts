// Allowed values of Pigsty's enumerated parameters, read from the roles (rules-reference §2).
// `strict`: any other value breaks a play or is silently replaced; otherwise the values are only
// offered by completion (the roles pass the value through, e.g. a locale or a storage driver).

export interface EnumFact {
  values: readonly (string | number | boolean)[];
  strict: boolean;
  /** Compare case-insensitively (the role upper-cases the value). */
  ignoreCase?: boolean;
}

const strict = (...values: (string | number | boolean)[]): EnumFact => ({ values, strict: true });
const open = (...values: (string | number | boolean)[]): EnumFact => ({ values, strict: false });

export const ENUMS: Record<string, EnumFact> = {
  region: open('default', 'china', 'europe'),
  language: open('en', 'zh'),
  nginx_sslmode: strict('disable', 'enable', 'enforce'),
  node_dns_method: strict('add', 'none', 'overwrite'),
  node_selinux_mode: strict('enforcing', 'permissive', 'disabled'),
  node_firewall_mode: strict('zone', 'off', 'none'),
  node_tune: strict('none', 'oltp', 'olap', 'crit', 'tiny'),
  node_admin_sudo: strict('none', 'limit', 'all', 'nopass'),
  vip_role: { values: ['master', 'backup'], strict: true, ignoreCase: true },
  vector_read_from: strict('beginning', 'end'),
  docker_storage_driver: open('overlay2', 'fuse-overlayfs', 'btrfs', 'zfs', 'vfs'),
  docker_cgroups_driver: strict('systemd', 'cgroupfs'),
  etcd_init: strict('new', 'existing'),
  minio_type: strict('silo'),
  redis_type: strict('redis', 'valkey'),
  redis_mode: strict('standalone', 'cluster', 'sentinel'),
  redis_mem_policy: strict(
    'volatile-lru', 'allkeys-lru', 'volatile-lfu', 'allkeys-lfu', 'volatile-random', 'allkeys-random', 'volatile-ttl', 'noeviction',
  ),
  pg_mode: strict('pgsql', 'citus', 'mssql', 'mysql', 'ivory', 'pgtde', 'polar', 'oriole', 'agens', 'pgedge', 'gpsql'),
  gp_role: strict('master', 'segment'),
  pg_dbsu_sudo: strict('none', 'limit', 'all', 'nopass'),
  pg_version: open(18, 17, 16, 15, 14, 19),
  pg_storage_type: open('SSD', 'HDD'),
  patroni_mode: strict('default', 'pause', 'remove'),
  // the templates accept `false` as well as 'off' (YAML 1.1 reads a bare off as false)
  patroni_watchdog_mode: strict('off', 'automatic', 'required', false),
  pg_conf: open('oltp.yml', 'olap.yml', 'crit.yml', 'tiny.yml'),
  pg_io_method: strict('auto', 'sync', 'worker', 'io_uring'),
  pg_rto: strict('fast', 'norm', 'safe', 'wide'),
  pg_pwd_enc: strict('scram-sha-256', 'md5'),
  pg_encoding: open('UTF8', 'SQL_ASCII', 'LATIN1'),
  pg_locale: open('C', 'C.UTF-8', 'en_US.UTF-8'),
  pg_lc_collate: open('C', 'C.UTF-8', 'en_US.UTF-8'),
  pg_lc_ctype: open('C', 'C.UTF-8', 'en_US.UTF-8'),
  pgbackrest_method: open('local', 'minio'),
  pgbouncer_poolmode: strict('transaction', 'session', 'statement'),
  pgbouncer_sslmode: strict('disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'),
  pg_default_service_dest: strict('pgbouncer', 'postgres'),
  pg_dns_target: open('auto', 'primary', 'vip', 'none'),
  code_gallery: strict('openvsx', 'microsoft'),
  kafka_role: strict('combined', 'broker', 'controller'),
  kafka_security: strict('plaintext', 'scram'),
  mysql_backup_method: strict('local'),
  pg_max_conn: open('auto'),
};

/** Values to offer for a parameter: its enum, or true/false for booleans. */
export function suggestedValues(name: string, type: string | undefined): readonly (string | number | boolean)[] {
  const e = ENUMS[name];
  if (e) return e.values;
  if (type === 'bool') return [true, false];
  return [];
}
