import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citusPgVersions } from '../../server/src/catalog/citusVersions';
import { findingsFor, inventory, ruleTester } from '../helpers/ruleTester';
import { actualMarks, errors, markedFixtureTests, readFixture } from './markedFixtures';

const BASE_VARS: Record<string, string> = {
  pg_mode: 'citus',
  pg_shard: 'pg-citus',
  pg_primary_db: 'citus',
  pg_dbsu_password: 'Citus.Dbsu.2024',
  pg_extensions: '[ citus ]',
  pg_libs: "'citus, pg_stat_statements'",
  pg_databases: '[ { name: citus, extensions: [ citus ] } ]',
};

/**
 * A Citus deployment in one group. Lines: hosts from 10; with n hosts, `vars:` at 10+n, then
 * pg_mode, pg_shard, pg_primary_db, pg_dbsu_password, pg_extensions, pg_libs, pg_databases (11+n ..
 * 17+n); `vars` replaces those in place and appends new keys from 18+n.
 */
const citus = (hosts: string, vars: Record<string, string> = {}) => {
  const all = { ...BASE_VARS, ...vars };
  return inventory(
    '  pg-citus:\n    hosts:\n' +
      hosts.trim().split('\n').map((l) => '      ' + l.trim()).join('\n') +
      '\n    vars:\n' +
      Object.entries(all).map(([k, v]) => `      ${k}: ${v}\n`).join(''),
  );
};

const host = (ip: number, group: number | string, cluster: string, seq: number, role: string, extra = '') =>
  `10.10.10.${ip}: { pg_group: ${group}, pg_cluster: ${cluster}, pg_seq: ${seq}, pg_role: ${role}${extra} }`;

const good = [host(20, 0, 'pg-citus0', 1, 'primary'), host(21, 0, 'pg-citus0', 2, 'replica'), host(22, 1, 'pg-citus1', 1, 'primary'), host(23, 2, 'pg-citus2', 1, 'primary')].join('\n');

ruleTester('citus rules', ['citus', 'dbsu/citus-empty-password'], {
  valid: [
    { name: 'coordinator and two workers named shard + group', yaml: citus(good) },
    { name: 'a single coordinator-only Citus cluster', yaml: citus(host(20, 0, 'pg-citus0', 1, 'primary')) },
    { name: 'pg_primary_db postgres needs no pg_databases entry', yaml: citus(host(20, 0, 'pg-citus0', 1, 'primary'), { pg_primary_db: 'postgres' }) },
    { name: 'citus in pg_packages instead of pg_extensions', yaml: citus(host(20, 0, 'pg-citus0', 1, 'primary'), { pg_extensions: '[]', pg_packages: "[ 'pgsql-main citus' ]" }) },
  ],
  invalid: [
    {
      name: 'gap: pg_group 3 follows 1 → on the value of group 3',
      yaml: citus([host(20, 0, 'pg-citus0', 1, 'primary'), host(22, 1, 'pg-citus1', 1, 'primary'), host(23, 3, 'pg-citus3', 1, 'primary')].join('\n')),
      errors: [{ code: 'citus/group-gap', line: 12, severity: 'warning', data: { group: 3, previous: 1, missingGroup: 2 }, message: 'pg_group 3` follows 1' }],
    },
    {
      name: 'no group 0 → on pg_shard',
      yaml: citus([host(22, 1, 'pg-citus1', 1, 'primary'), host(23, 2, 'pg-citus2', 1, 'primary')].join('\n')),
      errors: [{ code: 'citus/no-coordinator', line: 14, data: { shard: 'pg-citus', groups: '1, 2' } }],
    },
    {
      name: 'conf/ha/citus.yml naming: coordinator pg-citus1 → warning with the expected name',
      yaml: citus([host(20, 0, 'pg-citus1', 1, 'primary'), host(21, 0, 'pg-citus1', 2, 'replica')].join('\n')),
      errors: [{ code: 'citus/cluster-name', line: 10, severity: 'warning', data: { cluster: 'pg-citus1', expected: 'pg-citus0', group: 0 } }],
    },
    {
      name: 'one group split over two clusters, each with a primary',
      yaml: citus([host(20, 0, 'pg-citus0', 1, 'primary'), host(21, 0, 'pg-citusX', 1, 'primary')].join('\n')),
      errors: [
        { code: 'citus/group-cluster-mismatch', line: 11, data: { group: 0, cluster: 'pg-citusX', other: 'pg-citus0' } },
        { code: 'citus/cluster-name', line: 11, data: { cluster: 'pg-citusX', expected: 'pg-citus0' } },
        { code: 'citus/group-primary', line: 11, data: { group: 0, host: '10.10.10.21', other: '10.10.10.20' } },
      ],
    },
    {
      name: 'negative pg_group → on the value',
      yaml: citus([host(20, 0, 'pg-citus0', 1, 'primary'), host(21, -1, 'pg-citus9', 1, 'primary')].join('\n')),
      errors: [{ code: 'citus/group-invalid', line: 11, data: { value: '-1' } }],
    },
    {
      name: 'the same VIP on two groups',
      yaml: citus([host(20, 0, 'pg-citus0', 1, 'primary', ', pg_vip_address: 10.10.10.2/24'), host(22, 1, 'pg-citus1', 1, 'primary', ', pg_vip_address: 10.10.10.2/24')].join('\n'), { pg_vip_enabled: 'true' }),
      errors: [{ code: 'citus/shared-vip', line: 11, data: { vip: '10.10.10.2', cluster: 'pg-citus1', other: 'pg-citus0' } }],
    },
    {
      name: 'PostgreSQL 19 is beyond the Citus packages of v4.5.0',
      yaml: citus(host(20, 0, 'pg-citus0', 1, 'primary'), { pg_version: '19' }),
      errors: [{ code: 'citus/pg-version', line: 19, data: { version: '19', supported: '14-18', pigsty: 'v4.5.0' } }],
    },
    {
      name: 'empty dbsu password → error naming the cluster',
      yaml: citus(host(20, 0, 'pg-citus0', 1, 'primary'), { pg_dbsu_password: "''" }),
      errors: [{ code: 'dbsu/citus-empty-password', line: 15, data: { cluster: 'pg-citus0' } }],
    },
    {
      name: 'Chinese message',
      lang: 'zh-cn',
      yaml: citus([host(20, 0, 'pg-citus0', 1, 'primary'), host(22, 2, 'pg-citus2', 1, 'primary')].join('\n')),
      errors: [{ code: 'citus/group-gap', line: 11, message: '缺少 1 号分组' }],
    },
  ],
});

describe('citus fixtures', () => {
  markedFixtureTests('citus', ['citus', 'dbsu', 'vip']);
});

describe('seed Citus clusters lint with no error', () => {
  for (const file of ['seed/citus-4node.yml', 'seed/citus-10node.yml']) {
    it(`${file}: no error, no Citus or VIP warning`, () => {
      const text = readFixture(file);
      assert.deepEqual(errors(text), []);
      assert.deepEqual(actualMarks(text, ['citus', 'vip', 'dbsu']), []);
    });
  }
});

describe('citus version table', () => {
  it('v4.5.0 supports PostgreSQL 14-18; newer releases use the newest row; unknown old ones are not checked', () => {
    assert.deepEqual(citusPgVersions('v4.5.0')?.pgVersions, [14, 15, 16, 17, 18]);
    assert.deepEqual(citusPgVersions('v4.6.1')?.pgVersions, [14, 15, 16, 17, 18]);
    assert.deepEqual(citusPgVersions('v4.0.0')?.pgVersions, [14, 15, 16, 17]);
    assert.equal(citusPgVersions('v4.2.0'), undefined);
    assert.equal(citusPgVersions('garbage'), undefined);
  });
  it('a v4.0 inventory with PG 18 Citus is flagged', () => {
    const yaml = citus(host(20, 0, 'pg-citus0', 1, 'primary'), { pg_version: '18' }).replace('version: v4.5.0', 'version: v4.0.0');
    assert.deepEqual(findingsFor(yaml, ['citus/pg-version']).map((f) => f.data.supported), ['14-17']);
  });
});
