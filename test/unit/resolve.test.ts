import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';

const text = `all:
  vars:
    admin_ip: 10.10.10.10
    pg_vip_interface: eth0
    pg_version: 17
  children:
    pg-b:
      hosts: { 10.10.10.11: { pg_seq: 2 } }
      vars: { pg_vip_interface: eth2, pg_cluster: pg-b }
    pg-a:
      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
      vars: { pg_vip_interface: eth1, pg_version: 16 }
    solo:
      hosts:
        10.10.10.12: { pg_vip_interface: ens33 }
`;

describe('effective parameters', () => {
  const { resolver } = analyze(text);

  it('sibling groups merge in sorted name order: pg-b beats pg-a whatever the file order', () => {
    const eff = resolver.get('10.10.10.11', 'pg_vip_interface')!;
    assert.equal(eff.value, 'eth2');
    assert.equal(eff.entry?.level, 'group');
    assert.equal(eff.entry?.group?.name, 'pg-b');
    assert.deepEqual(eff.overridden.map((e) => `${e.level}:${e.group?.name ?? 'all'}:${e.value}`), ['group:pg-a:eth1', 'global:all:eth0']);
  });

  it('host vars from several groups merge; the later occurrence wins', () => {
    assert.equal(resolver.value('10.10.10.11', 'pg_seq'), 1);
    assert.equal(resolver.value('10.10.10.11', 'pg_role'), 'primary');
  });

  it('host vars beat group vars, group vars beat all.vars, all.vars beat role defaults', () => {
    assert.equal(resolver.value('10.10.10.12', 'pg_vip_interface'), 'ens33');
    assert.equal(resolver.value('10.10.10.11', 'pg_version'), 16);
    assert.equal(resolver.value('10.10.10.12', 'pg_version'), 17);
    const d = resolver.get('10.10.10.12', 'pg_port')!;
    assert.equal(d.value, 5432);
    assert.equal(d.entry, null);
  });

  it('identity parameters have no default even where cmdb lists one', () => {
    assert.equal(resolver.get('10.10.10.12', 'pg_role'), undefined);
  });

  it('cluster membership is the effective pg_cluster', () => {
    const a = analyze(text);
    const clusters = a.pgClusters();
    assert.deepEqual([...clusters.keys()], ['pg-b']);
    assert.deepEqual(clusters.get('pg-b')!.members.map((m) => m.ip), ['10.10.10.11']);
  });

  it('merge keys bring anchored values in, and explicit keys beat merged ones', () => {
    const withMerge = `common: &common { pg_version: 15, pg_vip_interface: eth9 }
all:
  vars: { admin_ip: 10.10.10.10 }
  children:
    pg-x:
      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
      vars:
        pg_vip_interface: eth3
        <<: *common
        pg_cluster: pg-x
`;
    const r = analyze(withMerge).resolver;
    assert.equal(r.value('10.10.10.11', 'pg_version'), 15);
    assert.equal(r.value('10.10.10.11', 'pg_vip_interface'), 'eth3');
    const merged = r.get('10.10.10.11', 'pg_version')!.entry!;
    assert.ok(merged.mergedBy, 'merged entry records the << key');
    assert.equal(withMerge.slice(merged.keyNode.range![0], merged.keyNode.range![1]), 'pg_version');
    assert.ok(merged.keyNode.range![0] < 60, 'points into the anchor on line 1');
  });
});

describe('YAML 1.1 as Ansible (PyYAML) reads it', () => {
  it('yes/on/off are booleans, a bare y or n stays a string', () => {
    const g = analyze('all:\n  vars: { admin_ip: 10.10.10.10, a: yes, b: off, c: y, d: n, e: True }\n  children: {}\n').inventory.globalVars;
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((k) => g.get(k)?.value), [true, false, 'y', 'n', true]);
  });
});

describe('syntax errors', () => {
  it('become findings at their position, and what still parses is still checked', () => {
    const broken = `all:
  vars: { admin_ip: 10.10.10.10 }
  children:
    pg-a:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: master }
        10.10.10.12: { pg_seq: 2, pg_role: replica
      vars: { pg_cluster: pg-a }
`;
    const a = analyze(broken);
    const syntax = a.findings.filter((f) => f.code === 'yaml/syntax');
    assert.ok(syntax.length > 0);
    assert.ok(a.findings.some((f) => f.code === 'identity/pg-role' && f.data.value === 'master'));
  });

  it('a duplicate key is reported where the second one is written', () => {
    const dup = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    admin_ip: 10.10.10.11\n  children: {}\n';
    const f = analyze(dup).findings.find((x) => x.code === 'yaml/duplicate-key')!;
    assert.ok(f);
    assert.equal(dup.slice(0, f.span.start).split('\n').length, 4);
  });

  it('a 5 MB file gets syntax checks only, with an information finding saying so', () => {
    const big = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a:\n      hosts:\n' +
      Array.from({ length: 110000 }, (_, i) => `        10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}: { pg_seq: 1, pg_role: primary }\n`).join('');
    assert.ok(big.length > 5 * 1024 * 1024);
    const a = analyze(big);
    assert.deepEqual(a.findings.map((f) => f.code), ['engine/syntax-only']);
    assert.equal(a.findings[0].severity, 'information');
  });
});

describe('on the keystroke path, the resolver is updated by difference', () => {
  // 10.10.10.11 is written in pg-b and pg-a, 10.10.10.12 in solo only
  it('keeps the view and answers of hosts outside the edited group, and works out the others again', () => {
    const before = analyze(text);
    const solo = before.resolver.get('10.10.10.12', 'pg_vip_interface');
    const shared = before.resolver.get('10.10.10.11', 'pg_version');
    const soloView = before.resolver.host('10.10.10.12');
    const after = reanalyze(before, text.replace('pg_version: 16', 'pg_version: 15'));
    assert.equal(after.mode, 'block');
    const r = after.analysis.resolver;
    assert.equal(r.host('10.10.10.12'), soloView);
    assert.equal(r.get('10.10.10.12', 'pg_vip_interface'), solo, 'the same answer object, not a new one');
    assert.notEqual(r.get('10.10.10.11', 'pg_version'), shared);
    assert.equal(r.value('10.10.10.11', 'pg_version'), 15);
    assert.equal(r.value('10.10.10.12', 'pg_version'), 17);
    // the hosts written in pg-a, and no other, were worked out again
    assert.deepEqual([...r.reworked!], ['10.10.10.11']);
  });

  it('works every host out again when all.vars changed', () => {
    const before = analyze(text);
    const solo = before.resolver.get('10.10.10.12', 'pg_version');
    const after = reanalyze(before, text.replace('pg_version: 17', 'pg_version: 18'));
    assert.equal(after.mode, 'block');
    const r = after.analysis.resolver;
    assert.notEqual(r.get('10.10.10.12', 'pg_version'), solo);
    assert.equal(r.value('10.10.10.12', 'pg_version'), 18);
    assert.equal(r.value('10.10.10.11', 'pg_version'), 16);
  });
});
