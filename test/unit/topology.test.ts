import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { buildTopology } from '../../server/src/topology/model';
import type { TopologyModel } from '../../server/src/topology/types';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { dedent, inventory } from '../helpers/ruleTester';

const ROOT = path.resolve(__dirname, '../../..');
export const CITUS_4NODE = path.join(ROOT, 'test/fixtures/topology/citus-4node.yml');

function topologyOf(text: string): TopologyModel {
  return buildTopology(analyze(text, { assumeInventory: true }));
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('topology model', () => {
  const text = fs.readFileSync(CITUS_4NODE, 'utf8');
  const model = topologyOf(text);

  it('lists the clusters of the 4-node Citus sandbox by module, then by name', () => {
    assert.deepEqual(model.clusters.map((c) => c.id), ['infra/infra', 'etcd/etcd', 'pgsql/pg-citus0', 'pgsql/pg-citus1', 'pgsql/pg-citus2']);
    assert.equal(model.adminIp, '10.10.10.10');
    assert.deepEqual(model.leftOut, []);
  });

  it('gives each PostgreSQL member its instance name and role, and each cluster its VIP and Citus group', () => {
    const c0 = model.clusters.find((c) => c.name === 'pg-citus0')!;
    assert.deepEqual(c0.members.map((m) => `${m.ip} ${m.name} ${m.role}`), ['10.10.10.10 pg-citus0-1 primary', '10.10.10.11 pg-citus0-2 replica']);
    assert.equal(c0.vip, '10.10.10.2/24');
    assert.deepEqual(c0.citus, { shard: 'pg-citus', group: 0 });
    const c2 = model.clusters.find((c) => c.name === 'pg-citus2')!;
    assert.equal(c2.vip, '10.10.10.4/24');
    assert.deepEqual(c2.citus, { shard: 'pg-citus', group: 2 });
  });

  it('links the Citus coordinator (pg_group 0) to its workers', () => {
    assert.deepEqual(model.citusShards, [{ name: 'pg-citus', coordinator: 'pgsql/pg-citus0', workers: ['pgsql/pg-citus1', 'pgsql/pg-citus2'] }]);
  });

  it('marks the infra member at admin_ip, and lists every module of a host', () => {
    assert.equal(model.clusters[0].members[0].admin, true);
    assert.equal(model.clusters[0].members[0].name, 'infra-1');
    assert.deepEqual(model.hosts.find((h) => h.ip === '10.10.10.10')!.kinds, ['infra', 'etcd', 'pgsql']);
    assert.deepEqual(model.hosts.map((h) => h.ip), ['10.10.10.10', '10.10.10.11', '10.10.10.12', '10.10.10.13']);
  });

  it('places each member on its host key inside its cluster group, and each cluster on its definition', () => {
    const c0 = model.clusters.find((c) => c.name === 'pg-citus0')!;
    const m = c0.members[0];
    assert.equal(text.slice(m.span.start, m.span.end), '10.10.10.10');
    assert.equal(lineAt(text, m.span.start), 12); // not line 7 (infra) where the host is first written
    assert.equal(text.slice(c0.span.start, c0.span.end), 'pg-citus0');
    assert.equal(lineAt(text, c0.span.start), 12);
    const etcd = model.clusters.find((c) => c.kind === 'etcd')!;
    assert.equal(text.slice(etcd.span.start, etcd.span.end), 'etcd');
    assert.equal(lineAt(text, etcd.span.start), 8);
  });

  it('highlights the second primary of a cluster, not the first', () => {
    const yaml = inventory(`
      pg-test:
        hosts:
          10.10.10.11: { pg_seq: 1, pg_role: primary }
          10.10.10.12: { pg_seq: 2, pg_role: primary }
        vars: { pg_cluster: pg-test }
    `);
    const m = topologyOf(yaml);
    const second = m.hosts.find((h) => h.ip === '10.10.10.12')!;
    assert.equal(second.worst, 'error');
    assert.deepEqual(second.problems.map((p) => p.code), ['identity/primary-count']);
    assert.equal(m.hosts.find((h) => h.ip === '10.10.10.11')!.worst, null);
  });

  it('draws a cluster without a primary with the problem on the cluster, and hosts of no module under their group', () => {
    const yaml = inventory(`
      pg-test:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: replica } }
        vars: { pg_cluster: pg-test }
      app:
        hosts: { 10.10.10.20: { nodename: app-1 }, 10.10.10.21: {} }
    `);
    const m = topologyOf(yaml);
    const pg = m.clusters.find((c) => c.id === 'pgsql/pg-test')!;
    assert.deepEqual(pg.problems.map((p) => `${p.code} ${p.severity}`), ['identity/primary-count error']);
    const app = m.clusters.find((c) => c.id === 'group/app')!;
    assert.deepEqual(app.members.map((x) => `${x.ip} ${x.name}`), ['10.10.10.20 app-1', '10.10.10.21 10.10.10.21']);
  });

  it('draws MinIO and Redis clusters by their *_cluster value', () => {
    const yaml = inventory(`
      minio: { hosts: { 10.10.10.30: { minio_seq: 1 }, 10.10.10.31: { minio_seq: 2 } }, vars: { minio_cluster: minio } }
      redis-ms:
        hosts: { 10.10.10.40: { redis_node: 1, redis_instances: { 6379: {} } } }
        vars: { redis_cluster: redis-ms }
    `);
    const m = topologyOf(yaml);
    assert.deepEqual(m.clusters.filter((c) => c.kind === 'minio' || c.kind === 'redis').map((c) => `${c.id}: ${c.members.map((x) => x.name).join(' ')}`), [
      'minio/minio: minio-1 minio-2',
      'redis/redis-ms: redis-ms-1',
    ]);
  });

  it('orders clusters and members by number, not by text or file order', () => {
    const groups = [10, 2, 1].map((n) => `pg-t${n}: { hosts: { 10.10.${n}.10: { pg_seq: 2, pg_role: replica }, 10.10.${n}.9: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-t${n} } }`).join('\n');
    const m = topologyOf(inventory(groups));
    assert.deepEqual(m.clusters.filter((c) => c.kind === 'pgsql').map((c) => c.name), ['pg-t1', 'pg-t2', 'pg-t10']);
    assert.deepEqual(m.clusters.find((c) => c.name === 'pg-t10')!.members.map((x) => x.ip), ['10.10.10.9', '10.10.10.10']);
  });

  it('draws what parses around a YAML error and says what it left out, with the error place', () => {
    const yaml = dedent(`
      all:
        vars: { admin_ip: 10.10.10.10 }
        children:
          pg-meta:
            hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
            vars: { pg_cluster: pg-meta }
          pg-test:
            hosts:
              10.10.10.11: { pg_seq: 1, pg_role: primary
              10.10.10.12: { pg_seq: 2, pg_role: replica }
            vars: { pg_cluster: pg-test }
    `);
    const m = topologyOf(yaml);
    assert.ok(m.clusters.some((c) => c.id === 'pgsql/pg-meta'), 'the cluster before the error is drawn');
    assert.equal(m.leftOut[0].reason, 'syntax');
    // the parser notices the unclosed `{` of line 9 where line 10 starts
    assert.equal(lineAt(yaml, m.leftOut[0].span!.start), 10);
    assert.match(m.leftOut[0].message, /^YAML: /);
  });

  it('says when the text is no inventory instead of drawing nothing silently', () => {
    const m = buildTopology(analyze('key: value\n'));
    assert.deepEqual(m.clusters, []);
    assert.deepEqual(m.leftOut.map((l) => l.reason), ['not-inventory']);
  });

  it('loses no host of the 53 corpus templates: every host is a member of some cluster', () => {
    for (const file of corpusFiles()) {
      const m = topologyOf(fs.readFileSync(file, 'utf8'));
      const drawn = new Set(m.clusters.flatMap((c) => c.members.map((x) => x.ip)));
      const lost = m.hosts.filter((h) => !drawn.has(h.ip)).map((h) => h.ip);
      assert.deepEqual(lost, [], corpusName(file));
      assert.deepEqual(m.leftOut, [], corpusName(file));
    }
  });

  it('reads the 6-group Citus template: coordinator pg-citus1 with five workers', () => {
    const file = corpusFiles().find((f) => corpusName(f) === 'conf/ha/citus.yml')!;
    const m = topologyOf(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(m.citusShards, [
      { name: 'pg-citus', coordinator: 'pgsql/pg-citus1', workers: ['pgsql/pg-citus2', 'pgsql/pg-citus3', 'pgsql/pg-citus4', 'pgsql/pg-citus5', 'pgsql/pg-citus6'] },
    ]);
  });
});
