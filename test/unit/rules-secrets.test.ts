import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWellKnownSecret } from '../../server/src/catalog/defaultCredentials';
import { inventory, ruleTester } from '../helpers/ruleTester';
import { markedFixtureTests } from './markedFixtures';

ruleTester('secrets rules', ['secrets'], {
  valid: [
    { name: 'generated passwords', yaml: inventory('', 'pg_admin_password: q8Zr2xLk0pWv\npatroni_password: Tz7m-9aQe') },
    { name: 'a default value under a non-secret key', yaml: inventory('', 'grafana_admin_username: admin\nnode_tune: pigsty') },
  ],
  invalid: [
    {
      name: 'pg_admin_password: DBUser.DBA → warning naming the parameter',
      yaml: inventory('', 'pg_admin_password: DBUser.DBA'),
      errors: [{ code: 'secrets/default-password', line: 5, severity: 'warning', data: { param: 'pg_admin_password', value: 'DBUser.DBA' } }],
    },
    {
      name: 'one anchor inherited by two clusters → one finding',
      yaml: inventory('  a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: &v { pg_cluster: a, pg_dbsu_password: DBUser.Postgres } }\n  b: { hosts: { 10.10.10.12: { pg_seq: 1, pg_role: primary } }, vars: { <<: *v, pg_cluster: b } }'),
      errors: [{ code: 'secrets/default-password', line: 8, data: { param: 'pg_dbsu_password' }, message: 'does not replace' }],
    },
  ],
});

describe('default credential table', () => {
  it('knows the shipped families and not strong values', () => {
    for (const v of ['DBUser.DBA', 'DBUser.Citus', 'S3User.MinIO', 'Etcd.Root', 'redis.ms', 'pigsty']) assert.ok(isWellKnownSecret(v), v);
    for (const v of ['DBUser.', 'dbuser_dba', 'Pigsty-2024!', 'redis.prod']) assert.ok(!isWellKnownSecret(v), v);
  });
  markedFixtureTests('secrets', ['secrets']);
});
