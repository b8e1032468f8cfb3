import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { locate } from '../../server/src/engine/locate';

/** Locates the `|` in the text (removed before parsing). */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const loc = locate(analyze(text).inventory, text, offset);
  return { ...loc, level: loc.scope?.level, group: loc.scope?.group?.name, host: loc.scope?.host?.ip, param: loc.scope?.param, path: loc.scope?.path };
}

const inv = (groupVars: string, hostExtra = '') =>
  `all:\n  vars:\n    admin_ip: 10.10.10.10\n  children:\n    pg-test:\n      hosts:\n        10.10.10.11: { pg_seq: 1, pg_role: primary }\n        10.10.10.12:\n          pg_seq: 2\n${hostExtra}      vars:\n        pg_cluster: pg-test\n${groupVars}\n`;

describe('engine: locate', () => {
  it('a key in group vars', () => {
    const l = at(inv('        pg_vip_addr|ess: 10.10.10.3/24'));
    assert.deepEqual([l.on, l.level, l.group, l.param, l.path, l.word.text], ['key', 'group', 'pg-test', 'pg_vip_address', [], 'pg_vip_address']);
    assert.ok(l.scope?.entry, 'the entry written there');
  });
  it('a value in a flow-style host entry', () => {
    const l = at(inv('').replace('pg_role: primary', 'pg_role: prim|ary'));
    assert.deepEqual([l.on, l.level, l.host, l.param, l.word.text], ['value', 'host', '10.10.10.11', 'pg_role', 'primary']);
  });
  it('a half-typed name without a colon', () => {
    const l = at(inv('        pg_vip_|'));
    assert.deepEqual([l.on, l.level, l.param, l.word.text], ['key', 'group', 'pg_vip_', 'pg_vip_']);
  });
  it('a half-typed name right under `vars:` (parsed as its scalar value)', () => {
    const l = at('all:\n  vars:\n    pg_|\n');
    assert.deepEqual([l.on, l.level, l.param], ['key', 'global', 'pg_']);
  });
  it('an empty line inside host vars, from indentation', () => {
    const l = at(inv('', '          |\n'));
    assert.deepEqual([l.on, l.level, l.host, l.param], ['blank', 'host', '10.10.10.12', undefined]);
  });
  it('an empty value after `key: `', () => {
    const l = at(inv('        pg_mode: |'));
    assert.deepEqual([l.on, l.param, l.path], ['value', 'pg_mode', []]);
  });
  it('a field of a list item, block and flow style', () => {
    const block = at(inv('        pg_users:\n          - name: dbuser_meta\n            pass|'));
    assert.deepEqual([block.on, block.param, block.path], ['key', 'pg_users', [0, 'pass']]);
    const flow = at(inv('        pg_hba_rules:\n          - { addr: intra, auth: | }'));
    assert.deepEqual([flow.on, flow.param, flow.path], ['value', 'pg_hba_rules', [0, 'auth']]);
    const second = at(inv('        pg_users:\n          - name: a\n          - name: b\n            |'));
    assert.deepEqual([second.on, second.param, second.path], ['blank', 'pg_users', [1]]);
  });
  it('outside any vars: no scope', () => {
    assert.equal(at(inv('').replace('pg-test:', 'pg-t|est:')).scope, null);
    assert.equal(at('title: |x\n').scope, null);
  });
});
