// The benchmark's inventories must be valid Pigsty inventories: no error from our own rules,
// reproducible byte for byte, with Citus shards and VIPs laid out the way Pigsty expects.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateInventory } from '../../bench/generate';
import { analyze } from '../../server/src/engine/analyze';

test('a generated 30-cluster inventory has no error finding', () => {
  const generated = generateInventory(30);
  const errors = analyze(generated.text).findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), []);
  assert.equal(generated.pgClusters, 31);
  assert.equal(generated.citusShards, 2);
});

test('the same size and seed give the same text, another seed another text', () => {
  assert.equal(generateInventory(40).text, generateInventory(40).text);
  assert.notEqual(generateInventory(40, 1).text, generateInventory(40, 2).text);
});

test('Citus groups are named shard + group, with pg_group 0..3 and one primary each', () => {
  const analysis = analyze(generateInventory(30).text);
  const shard = analysis.inventory.groupsByName.get('pg-citusa')?.[0];
  assert.ok(shard, 'the first Citus shard group exists');
  const clusters = analysis.pgClusters();
  for (let g = 0; g < 4; g++) {
    const cluster = clusters.get(`pg-citusa${g}`);
    assert.ok(cluster, `pg-citusa${g} exists`);
    const groups = cluster.members.map((m) => analysis.resolver.value(m.ip, 'pg_group'));
    assert.deepEqual(groups, [g, g]);
    const roles = cluster.members.map((m) => analysis.resolver.value(m.ip, 'pg_role'));
    assert.deepEqual(roles, ['primary', 'replica']);
  }
});

test('every VIP sits in its cluster members\' /24 and is no member address', () => {
  const analysis = analyze(generateInventory(30).text);
  let vips = 0;
  for (const cluster of analysis.pgClusters().values()) {
    for (const m of cluster.members) {
      const vip = analysis.resolver.explicit(m.ip, 'pg_vip_address')?.value;
      if (typeof vip !== 'string') continue;
      vips++;
      const [address, prefix] = vip.split('/');
      assert.equal(prefix, '24');
      assert.equal(address.split('.').slice(0, 3).join('.'), m.ip.split('.').slice(0, 3).join('.'), `${vip} for ${m.ip}`);
      assert.ok(!analysis.resolver.host(address), `${address} is not a host`);
    }
  }
  assert.ok(vips > 50, `${vips} VIP uses checked`);
});
