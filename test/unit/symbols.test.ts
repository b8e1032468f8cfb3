import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { generateCitus } from '../../server/src/fixes/citusGenerator';
import { codeLenses } from '../../server/src/fixes/codeLens';
import { documentSymbols } from '../../server/src/fixes/symbols';
import { inventory } from '../helpers/ruleTester';

describe('outline and code lens (engine)', () => {
  const citus = generateCitus({ shard: 'pg-citus', workers: 5, replicas: 0, firstIp: '10.10.10.20', vipStart: '10.10.10.60', interface: 'eth1' });
  assert.ok(citus.ok);
  const text = inventory(citus.yaml + `
pg-test:
  hosts:
    10.10.10.11: { pg_seq: 1, pg_role: primary }
    10.10.10.12: { pg_seq: 2, pg_role: replica }
  vars: { pg_cluster: pg-test }
`);
  const analysis = analyze(text);

  it('a Citus shard gets "coordinator + N workers" and each group its own lens', () => {
    const titles = codeLenses(analysis).map((l) => l.title);
    assert.ok(titles.includes('Citus pg-citus: coordinator + 5 workers'), titles.join('\n'));
    assert.ok(titles.includes('1 member · primary 10.10.10.23 · VIP 10.10.10.63/24'), titles.join('\n'));
    assert.ok(titles.includes('2 members · primary 10.10.10.11'));
  });

  it('Citus hosts show their group; module groups their module', () => {
    const symbols = documentSymbols(analysis);
    assert.deepEqual(symbols.map((s) => s.name), ['infra', 'etcd', 'pg-citus', 'pg-test']);
    assert.equal(symbols[2].children[1].detail, 'primary · pg-citus1-1 · group 1');
    assert.equal(symbols[0].children[0].detail, 'infra · infra-1');
    const host = symbols[3].children[0];
    assert.equal(text.slice(host.selection.start, host.selection.end), '10.10.10.11');
    assert.equal(text.slice(host.span.start, host.span.end), '10.10.10.11: { pg_seq: 1, pg_role: primary }');
  });

  it('a cluster with two primaries says so', () => {
    const two = analyze(inventory(`
      pg-x:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary }, 10.10.10.12: { pg_seq: 2, pg_role: primary } }
        vars: { pg_cluster: pg-x }
    `));
    assert.deepEqual(codeLenses(two).map((l) => l.title), ['2 members · 2 primaries']);
  });
});
