import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/fixes/edits';
import { promoteSurvivor } from '../../server/src/fixes/promoteSurvivor';
import { dedent } from '../helpers/ruleTester';
import { assertOnlyEditsChanged, errorsOf } from '../helpers/fixTester';

const SEED = path.resolve(__dirname, '../../../test/fixtures/seed');
const read = (name: string) => fs.readFileSync(path.join(SEED, name), 'utf8');

function promote(text: string, survivor: string, failed?: string[]): string {
  const result = promoteSurvivor(analyze(text), survivor, failed);
  assert.ok(result.ok, result.ok ? '' : result.error);
  const out = applyEdits(text, result.plan.edits);
  assertOnlyEditsChanged(text, out, result.plan.edits);
  return out;
}

describe('promote surviving node (2-of-3 permanent failure)', () => {
  const trio = read('promote-trio.yml');
  const promoted = promote(trio, '10.10.10.12');

  it('yields the repaired inventory of the playbook, in substance', () => {
    assert.deepEqual(parse(promoted, { version: '1.1' }), parse(read('promote-trio.repaired.yml'), { version: '1.1' }));
  });

  it('lints the result with no error', () => {
    assert.deepEqual(errorsOf(trio), []);
    assert.deepEqual(errorsOf(promoted), []);
  });

  it('comments the failed hosts out (not deleted) and keeps every comment', () => {
    for (const line of ['10.10.10.10: { infra_seq: 1 }   # admin node', '10.10.10.11: { etcd_seq: 2 }', '10.10.10.10: { pg_seq: 1, pg_role: primary }']) {
      assert.ok(promoted.includes(`# ${line}`), `${line} is not commented out`);
    }
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l) && !/\d+\.\d+\.\d+\.\d+:/.test(l));
    assert.deepEqual(comments(promoted), comments(trio));
    assert.ok(promoted.includes('admin_ip: 10.10.10.12             # admin node ip address'));
    assert.ok(promoted.includes("node_etc_hosts: [ '10.10.10.12 h.pigsty"));
  });

  it('adds the survivor to infra and etcd with a free seq when it is missing', () => {
    const text = dedent(`
      all:
        vars: { admin_ip: 10.10.10.10, version: v4.5.0 }
        children:
          infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }
          etcd:
            hosts:
              10.10.10.10: { etcd_seq: 1 }
              10.10.10.11: { etcd_seq: 2 }
            vars: { etcd_cluster: etcd }
          pg-test:
            hosts:
              10.10.10.10: { pg_seq: 1, pg_role: primary }
              10.10.10.11: { pg_seq: 2, pg_role: replica }
              10.10.10.13: { pg_seq: 3, pg_role: replica }
            vars: { pg_cluster: pg-test }
    `);
    const out = promote(text, '10.10.10.13');
    assert.match(out, /# 10\.10\.10\.10: \{ infra_seq: 1 \} # failed[^\n]*\n\s*infra: \{ hosts: \{ 10\.10\.10\.13: \{ infra_seq: 2 \} \} \}/);
    assert.match(out, /# 10\.10\.10\.11: \{ etcd_seq: 2 \}[^\n]*\n\s+10\.10\.10\.13: \{ etcd_seq: 3 \}\n/);
    assert.match(out, /10\.10\.10\.13: \{ pg_seq: 3, pg_role: primary \}/);
    assert.match(out, /admin_ip: 10\.10\.10\.13/);
    assert.deepEqual(errorsOf(out), []);
  });

  it('with one failed host keeps the other replica and demotes nothing else', () => {
    const out = promote(trio, '10.10.10.12', ['10.10.10.10']);
    assert.match(out, /\n {8}10\.10\.10\.11: \{ pg_seq: 2, pg_role: replica \}/);
    assert.match(out, /\n {8}10\.10\.10\.11: \{ etcd_seq: 2 \}/);
    assert.deepEqual(errorsOf(out), []);
  });

  it('refuses a host outside any pg cluster and unknown failed hosts', () => {
    const a = analyze(trio);
    const r1 = promoteSurvivor(a, '10.10.10.99');
    assert.ok(!r1.ok && /not a member/.test(r1.error));
    const r2 = promoteSurvivor(a, '10.10.10.12', ['10.10.10.77']);
    assert.ok(!r2.ok && /10\.10\.10\.77/.test(r2.error));
  });
});
