import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester } from '../helpers/ruleTester';
import { actualMarks, errors, markedFixtureTests, readFixture } from './markedFixtures';

const withEtcd = (etcdHosts: string[], pg = '    pg-meta: { hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-meta } }\n') =>
  'all:\n  vars: { admin_ip: 10.10.10.10, version: v4.5.0 }\n  children:\n    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n    etcd:\n      hosts:\n' +
  etcdHosts.map((h) => `        ${h}\n`).join('') +
  '      vars: { etcd_cluster: etcd }\n' + pg;

const seqs = (n: number) => Array.from({ length: n }, (_, i) => `10.10.10.${10 + i}: { etcd_seq: ${i + 1} }`);

ruleTester('etcd rules', ['etcd'], {
  valid: [
    { name: 'three members', yaml: withEtcd(seqs(3)) },
    { name: 'one member under a single-instance cluster', yaml: withEtcd(seqs(1)) },
    { name: 'no PostgreSQL, no etcd', yaml: 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n' },
  ],
  invalid: [
    { name: 'duplicate etcd_seq → on the second', yaml: withEtcd(['10.10.10.10: { etcd_seq: 1 }', '10.10.10.11: { etcd_seq: 1 }', '10.10.10.12: { etcd_seq: 3 }']), errors: [{ code: 'etcd/seq-duplicate', line: 8, data: { seq: 1, host: '10.10.10.11', other: '10.10.10.10' } }] },
    { name: 'two members → even count warning on the group', yaml: withEtcd(seqs(2)), errors: [{ code: 'etcd/member-count', line: 5, severity: 'warning', data: { count: 2, quorum: 2 } }] },
    { name: 'nine members', yaml: withEtcd(seqs(9)), errors: [{ code: 'etcd/member-count', line: 5, data: { count: 9 }, message: 'more than 7' }] },
    {
      name: 'single member under a replicated cluster → information',
      yaml: withEtcd(seqs(1), '    pg-test: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary }, 10.10.10.12: { pg_seq: 2, pg_role: replica } }, vars: { pg_cluster: pg-test } }\n'),
      errors: [{ code: 'etcd/member-count', line: 5, severity: 'information', data: { cluster: 'pg-test' } }],
    },
    { name: 'etcd_cluster renamed', yaml: withEtcd(seqs(3)).replace('etcd_cluster: etcd', 'etcd_cluster: dcs'), errors: [{ code: 'etcd/cluster-name', line: 10, data: { value: 'dcs', expected: 'etcd' } }] },
    {
      name: 'no etcd group → error on the cluster line',
      yaml: 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-meta:\n      hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-meta }\n',
      errors: [{ code: 'etcd/missing-group', line: 4, data: { cluster: 'pg-meta' } }],
    },
  ],
});

describe('etcd fixtures and seed recovery', () => {
  markedFixtureTests('etcd', ['etcd', 'infra']);
  it('the repaired single-survivor inventory lints with no error and no infra/etcd warning', () => {
    const text = readFixture('seed/recovery-survivor.yml');
    assert.deepEqual(errors(text), []);
    assert.deepEqual(actualMarks(text, ['etcd', 'infra', 'vip', 'dbsu']), []);
  });
  it('the same inventory still pointing /etc/hosts at the dead admin node → stale IP on that line', () => {
    const text = readFixture('seed/recovery-survivor.yml').replace('[10.10.10.12 h.pigsty', '[10.10.10.10 h.pigsty');
    assert.deepEqual(actualMarks(text, ['infra']), ['8: infra/stale-ip']);
  });
});
