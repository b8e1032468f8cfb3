import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/fixes/edits';
import { generateCitus, insertGroup, takenAddresses } from '../../server/src/fixes/citusGenerator';
import { inventory } from '../helpers/ruleTester';
import { errorsOf, lint } from '../helpers/fixTester';

const base = { shard: 'pg-citus', workers: 2, replicas: 1, firstIp: '10.10.10.20', vipStart: '10.10.10.60', interface: 'eth1' };

function generated(o = base): string {
  const r = generateCitus(o);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.yaml;
}

describe('Citus generator', () => {
  it('builds groups 0..n named shard+group, one VIP per group, primary + replicas', () => {
    const g = parse(generated())['pg-citus'];
    const hosts = Object.entries(g.hosts) as [string, Record<string, unknown>][];
    assert.equal(hosts.length, 6);
    assert.deepEqual(hosts.map(([ip, h]) => `${ip} ${h.pg_cluster} ${h.pg_group} ${h.pg_seq} ${h.pg_role} ${h.pg_vip_address}`), [
      '10.10.10.20 pg-citus0 0 1 primary 10.10.10.60/24',
      '10.10.10.21 pg-citus0 0 2 replica 10.10.10.60/24',
      '10.10.10.22 pg-citus1 1 1 primary 10.10.10.61/24',
      '10.10.10.23 pg-citus1 1 2 replica 10.10.10.61/24',
      '10.10.10.24 pg-citus2 2 1 primary 10.10.10.62/24',
      '10.10.10.25 pg-citus2 2 2 replica 10.10.10.62/24',
    ]);
    assert.equal(g.vars.pg_shard, 'pg-citus');
    assert.deepEqual(g.vars.pg_extensions, ['citus']);
    assert.match(g.vars.pg_libs, /^citus,/);
    assert.deepEqual(g.vars.pg_databases[0].extensions, ['citus']);
    assert.match(g.vars.pg_dbsu_password, /^[A-Za-z][A-Za-z0-9]{23}$/);
  });

  it('lints clean inside a minimal inventory, whatever the size', () => {
    for (const o of [base, { ...base, workers: 5, replicas: 0 }, { ...base, workers: 1, replicas: 2, shard: 'pg-dist' }]) {
      const text = inventory(generated(o));
      assert.deepEqual(errorsOf(text), []);
      assert.deepEqual(lint(text).filter((f) => f.code.startsWith('citus/') || f.code.startsWith('vip/')).map((f) => f.code), []);
    }
  });

  it('refuses what cannot be consistent, with a clear message', () => {
    const bad = (o: Partial<typeof base>, re: RegExp) => {
      const r = generateCitus({ ...base, ...o });
      assert.ok(!r.ok && re.test(r.error), r.ok ? 'accepted' : r.error);
    };
    bad({ shard: 'PG_citus' }, /Shard name/);
    bad({ workers: 0 }, /Workers/);
    bad({ firstIp: '10.10.10.250' }, /do not fit in 10\.10\.10\.0\/24/);
    bad({ vipStart: '10.10.11.2' }, /VIPs from 10\.10\.11\.2 do not fit/);
    bad({ vipStart: '10.10.10.22' }, /VIP 10\.10\.10\.22 would be one of the new hosts/);
    bad({ interface: 'eth 1' }, /network interface/);
    const taken = generateCitus(base, new Set(['10.10.10.61']));
    assert.ok(!taken.ok && /10\.10\.10\.61 is already used/.test(taken.error));
  });

  it('inserts the group at the end of all.children, at its indentation, and the result lints clean', () => {
    const text = inventory(`
      pg-meta:
        hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-meta }   # keep this comment
    `) + '# trailing comment\n';
    const analysis = analyze(text);
    const r = generateCitus(base, takenAddresses(analysis));
    assert.ok(r.ok);
    const ins = insertGroup(analysis, r.yaml, 'pg-citus');
    assert.ok(ins.ok);
    const out = applyEdits(text, [ins.edit]);
    assert.ok(out.includes('    vars: { pg_cluster: pg-meta }   # keep this comment\n\n    pg-citus:\n      hosts:\n        10.10.10.20:'));
    assert.ok(out.endsWith('# trailing comment\n'));
    assert.deepEqual(errorsOf(out), []);
    assert.ok(!insertGroup(analyze(out), r.yaml, 'pg-citus').ok);
    assert.ok(takenAddresses(analysis).has('10.10.10.10'));
  });
});
