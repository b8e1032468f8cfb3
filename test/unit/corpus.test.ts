// The 53 templates Pigsty v4.5.0 ships: no error from any rule, and every warning pinned with the
// reason a Pigsty maintainer would agree with it. Each rule family has its own table; a family
// listed in EXPECTED_WARNINGS must produce exactly its listed warnings (file -> `line: code`), and
// nothing in files it does not list. Other helpers add their families as new keys.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/findings';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { lineOf } from '../helpers/ruleTester';

const EXPECTED_WARNINGS: Record<string, Record<string, string[]>> = {
  citus: {
    // conf/ha/citus.yml names group 0 `pg-citus1`, group 1 `pg-citus2`, ...: off by one from
    // `pg_shard` + `pg_group`, which Pigsty's Citus guide requires (its own header says pg-citus0).
    'conf/ha/citus.yml': [
      '55: citus/cluster-name', // group 0 is pg-citus1, expected pg-citus0
      '59: citus/cluster-name', // group 1 is pg-citus2, expected pg-citus1
      '63: citus/cluster-name', // group 2 is pg-citus3, expected pg-citus2
      '67: citus/cluster-name', // group 3 is pg-citus4, expected pg-citus3
      '71: citus/cluster-name', // group 4 is pg-citus5, expected pg-citus4
      '75: citus/cluster-name', // group 5 is pg-citus6, expected pg-citus5
    ],
  },
  // every VIP in the templates is a valid /24 inside its members' subnet and distinct per cluster
  vip: {},
  // only conf/ha/citus.yml sets a dbsu password, and it is a Citus deployment
  dbsu: {},
  // single-member etcd under replicated clusters is information, not a warning; no even counts
  etcd: {},
  // every endpoint and /etc/hosts line points at a host, a VIP or ${admin_ip}; no removed params
  infra: {},
  // every top-level name in all.vars, group vars and host vars is a v4.5.0 parameter or Ansible's
  // own (`ansible_host` in conf/build/oss.yml); every value fits its type, enum and item shape;
  // no identity sits where hosts share it; nothing is newer than `version: v4.5.0`
  params: {},
};

/** Parameters `configure -g` replaces (and grafana_view_password), written in most templates. */
const TEMPLATE_PASSWORDS = [
  'etcd_root_password', 'grafana_admin_password', 'grafana_view_password', 'haproxy_admin_password', 'minio_secret_key',
  'patroni_password', 'pg_admin_password', 'pg_monitor_password', 'pg_replication_password',
];

/**
 * secrets/default-password: the templates ship Pigsty's well-known defaults on purpose (they are
 * examples; the docs say to change them all). Pinned as a count and the set of parameters per file.
 */
const EXPECTED_SECRETS: Record<string, { count: number; params: string[] }> = {
  'conf/agens.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/app/dify.yml': { count: 9, params: [...TEMPLATE_PASSWORDS, ] },
  'conf/app/electric.yml': { count: 10, params: [...TEMPLATE_PASSWORDS, 'pg_users[electric].password'] },
  'conf/app/hindsight.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'apps.hindsight.conf.HINDSIGHT_DB_PASSWORD', 'pg_users[hindsight].password'] },
  'conf/app/immich.yml': { count: 10, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_immich].password'] },
  'conf/app/insforge.yml': { count: 13, params: [...TEMPLATE_PASSWORDS, 'apps.insforge.conf.ADMIN_PASSWORD', 'apps.insforge.conf.POSTGRES_PASSWORD', 'apps.insforge.conf.ROOT_ADMIN_PASSWORD', 'pg_users[dbuser_insforge].password'] },
  'conf/app/jumpserver.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'apps.jumpserver.conf.DB_PASSWORD', 'pg_users[jumpserver].password'] },
  'conf/app/mattermost.yml': { count: 10, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_mattermost].password'] },
  'conf/app/maybe.yml': { count: 9, params: [...TEMPLATE_PASSWORDS, ] },
  'conf/app/odoo.yml': { count: 13, params: [...TEMPLATE_PASSWORDS, 'apps.odoo.conf.PG_PASSWORD', 'pg_users[odoo].password', 'pg_users[odoo_ro].password', 'pg_users[odoo_rw].password'] },
  'conf/app/registry.yml': { count: 9, params: [...TEMPLATE_PASSWORDS, ] },
  'conf/app/supa.yml': { count: 27, params: [...TEMPLATE_PASSWORDS, 'apps.supabase.conf.DASHBOARD_PASSWORD', 'apps.supabase.conf.POSTGRES_PASSWORD', 'apps.supabase.conf.S3_PROTOCOL_ACCESS_KEY_SECRET', 'apps.supabase.conf.S3_SECRET_KEY', 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[authenticator].password', 'pg_users[supabase_admin].password', 'pg_users[supabase_auth_admin].password', 'pg_users[supabase_etl_admin].password', 'pg_users[supabase_functions_admin].password', 'pg_users[supabase_read_only_user].password', 'pg_users[supabase_replication_admin].password', 'pg_users[supabase_storage_admin].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'pgbackrest_repo.s3.cipher_pass'] },
  'conf/app/teable.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'apps.teable.conf.POSTGRES_PASSWORD', 'pg_users[dbuser_teable].password'] },
  'conf/demo/debian.yml': { count: 22, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'nginx_users.admin', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pg_users[test].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'redis_password', 'redis_sentinel_monitor[redis-ms].password'] },
  'conf/demo/demo.yml': { count: 20, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_bytebase].password', 'pg_users[dbuser_gitea].password', 'pg_users[dbuser_grafana].password', 'pg_users[dbuser_kong].password', 'pg_users[dbuser_mattermost].password', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_noco].password', 'pg_users[dbuser_odoo].password', 'pg_users[dbuser_view].password', 'pg_users[dbuser_wiki].password', 'redis_password'] },
  'conf/demo/el.yml': { count: 22, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'nginx_users.admin', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pg_users[test].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'redis_password', 'redis_sentinel_monitor[redis-ms].password'] },
  'conf/demo/kafka.yml': { count: 2, params: ['grafana_admin_password', 'grafana_view_password'] },
  'conf/demo/kernel.yml': { count: 26, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_mssql].password', 'pg_users[dbuser_view].password'] },
  'conf/demo/minio.yml': { count: 6, params: ['grafana_admin_password', 'haproxy_admin_password', 'minio_secret_key', 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key'] },
  'conf/demo/redis.yml': { count: 6, params: ['grafana_admin_password', 'haproxy_admin_password', 'redis_password', 'redis_sentinel_monitor[redis-ms].password'] },
  'conf/demo/remote.yml': { count: 10, params: [...TEMPLATE_PASSWORDS, 'pg_exporters.20004.pg_monitor_password'] },
  'conf/demo/saas.yml': { count: 24, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_bytebase].password', 'pg_users[dbuser_gitea].password', 'pg_users[dbuser_grafana].password', 'pg_users[dbuser_kong].password', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_noco].password', 'pg_users[dbuser_odoo].password', 'pg_users[dbuser_view].password', 'pg_users[dbuser_wiki].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'redis_password'] },
  'conf/demo/wool.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/docker.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/fat.yml': { count: 18, params: [...TEMPLATE_PASSWORDS, 'apps.pgadmin.conf.PGADMIN_DEFAULT_PASSWORD', 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'pgbackrest_repo.s3.cipher_pass'] },
  'conf/ha/citus.yml': { count: 12, params: [...TEMPLATE_PASSWORDS, 'pg_dbsu_password', 'pg_users[dbuser_citus].password', 'pg_users[dbuser_meta].password'] },
  'conf/ha/dual.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/ha/full.yml': { count: 21, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pg_users[test].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'redis_password', 'redis_sentinel_monitor[redis-ms].password'] },
  'conf/ha/octo.yml': { count: 17, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pg_users[test].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret'] },
  'conf/ha/safe.yml': { count: 3, params: ['etcd_root_password', 'grafana_view_password', 'minio_secret_key'] },
  'conf/ha/simu.yml': { count: 32, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_bytebase].password', 'pg_users[dbuser_gitea].password', 'pg_users[dbuser_grafana].password', 'pg_users[dbuser_kong].password', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_noco].password', 'pg_users[dbuser_view].password', 'pg_users[dbuser_wiki].password', 'pg_users[test].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'redis_password', 'redis_sentinel_monitor[redis-dst].password', 'redis_sentinel_monitor[redis-src].password'] },
  'conf/ha/trio.yml': { count: 16, params: [...TEMPLATE_PASSWORDS, 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret'] },
  'conf/infra.yml': { count: 2, params: ['grafana_admin_password', 'haproxy_admin_password'] },
  'conf/ivory.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/meta.yml': { count: 12, params: [...TEMPLATE_PASSWORDS, 'apps.pgadmin.conf.PGADMIN_DEFAULT_PASSWORD', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/mongo.yml': { count: 12, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pg_users[mongod].password'] },
  'conf/mssql.yml': { count: 10, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_mssql].password'] },
  'conf/mysql.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/oriole.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/pg19.yml': { count: 12, params: [...TEMPLATE_PASSWORDS, 'apps.pgadmin.conf.PGADMIN_DEFAULT_PASSWORD', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/pgedge.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/pgsql.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/pgtde.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/polar.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/rich.yml': { count: 19, params: [...TEMPLATE_PASSWORDS, 'apps.pgadmin.conf.PGADMIN_DEFAULT_PASSWORD', 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'pgbackrest_repo.s3.cipher_pass', 'redis_password'] },
  'conf/slim.yml': { count: 11, params: [...TEMPLATE_PASSWORDS, 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'conf/supabase.yml': { count: 27, params: [...TEMPLATE_PASSWORDS, 'apps.supabase.conf.DASHBOARD_PASSWORD', 'apps.supabase.conf.POSTGRES_PASSWORD', 'apps.supabase.conf.S3_PROTOCOL_ACCESS_KEY_SECRET', 'apps.supabase.conf.S3_SECRET_KEY', 'minio_users[pgbackrest].secret_key', 'minio_users[s3user_data].secret_key', 'minio_users[s3user_meta].secret_key', 'pg_users[authenticator].password', 'pg_users[supabase_admin].password', 'pg_users[supabase_auth_admin].password', 'pg_users[supabase_etl_admin].password', 'pg_users[supabase_functions_admin].password', 'pg_users[supabase_read_only_user].password', 'pg_users[supabase_replication_admin].password', 'pg_users[supabase_storage_admin].password', 'pgbackrest_repo.minio.cipher_pass', 'pgbackrest_repo.minio.s3_key_secret', 'pgbackrest_repo.s3.cipher_pass'] },
  'conf/vibe.yml': { count: 11, params: ['code_password', 'grafana_admin_password', 'grafana_view_password', 'haproxy_admin_password', 'jupyter_password', 'patroni_password', 'pg_admin_password', 'pg_monitor_password', 'pg_replication_password', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
  'pigsty.yml': { count: 12, params: [...TEMPLATE_PASSWORDS, 'apps.pgadmin.conf.PGADMIN_DEFAULT_PASSWORD', 'pg_users[dbuser_meta].password', 'pg_users[dbuser_view].password'] },
};

function warningsOf(findings: Finding[], family: string, text: string): string[] {
  return findings.filter((f) => f.severity === 'warning' && f.code.startsWith(family + '/')).map((f) => `${lineOf(text, f)}: ${f.code}`).sort();
}

describe('corpus: Pigsty v4.5.0 templates', () => {
  const files = corpusFiles();
  it('has the 53 templates', () => assert.equal(files.length, 53));
  for (const file of files) {
    const name = corpusName(file);
    it(`${name}: no error, pinned warnings only`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const findings = analyze(text).findings;
      const errors = findings.filter((f) => f.severity === 'error').map((f) => `${lineOf(text, f)}: ${f.code}: ${f.message}`);
      assert.deepEqual(errors, [], 'errors on a shipped template');
      for (const [family, byFile] of Object.entries(EXPECTED_WARNINGS)) {
        assert.deepEqual(warningsOf(findings, family, text), [...(byFile[name] ?? [])].sort(), `${family} warnings`);
      }
      const secrets = findings.filter((f) => f.code === 'secrets/default-password');
      const expected = EXPECTED_SECRETS[name] ?? { count: 0, params: [] };
      assert.equal(secrets.length, expected.count, 'secrets/default-password count');
      assert.deepEqual([...new Set(secrets.map((f) => String(f.data.param)))].sort(), [...new Set(expected.params)].sort(), 'secrets parameters');
    });
  }
});
