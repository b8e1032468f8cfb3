// The cluster index (Analysis.pgClusters): on the keystroke path it is updated by difference from
// the previous version's, and must equal the index a full analysis builds.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { indexPgClusters, updatePgClusters } from '../../server/src/engine/clusters';
import { reanalyze } from '../../server/src/engine/incremental';
import { allRules } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { probeMeta } from '../helpers/probeRule';
import { dedent } from '../helpers/ruleTester';

const TEXT = dedent(`
  all:
    children:
      pg-a:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary }, 10.10.10.12: { pg_seq: 2, pg_role: replica } }
        vars: { pg_cluster: pg-a, pg_users: [ { name: dbuser_a, password: Strong.One.1 } ] }
      pg-b:
        hosts: { 10.10.10.21: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-b }
      pg-c:
        hosts: { 10.10.10.31: { pg_seq: 1, pg_role: primary, pg_cluster: pg-c } }
    vars:
      admin_ip: 10.10.10.11
`);

/** The index as plain facts: names, member IPs, where each member's pg_cluster is written, anchors (as text and offset). */
function facts(a: Analysis): unknown[] {
  const text = a.parsed.text;
  return [...a.pgClusters().values()].map((c) => ({
    name: c.name,
    members: c.members.map((m) => [m.ip, m.cluster.entry!.valueNode!.range![0]]),
    anchor: [c.anchor.start, text.slice(c.anchor.start, c.anchor.end)],
  }));
}

describe('on the keystroke path, the cluster index is updated by difference', () => {
  it('rebuilds the cluster of the edited group only, and later anchors follow the text', () => {
    const before = analyze(TEXT);
    const old = before.pgClusters();
    // one more character in pg-a moves pg-b and pg-c
    const text = TEXT.replace('Strong.One.1', 'Strong.One.12').replace('pg_seq: 2', 'pg_seq: 1');
    const after = reanalyze(before, text);
    assert.equal(after.mode, 'block');
    const now = after.analysis.pgClusters();
    assert.equal(now.get('pg-b')!.members, old.get('pg-b')!.members, 'pg-b keeps its members');
    assert.equal(now.get('pg-c')!.members, old.get('pg-c')!.members, 'pg-c keeps its members');
    assert.notEqual(now.get('pg-a')!.members, old.get('pg-a')!.members, 'pg-a is rebuilt');
    assert.deepEqual(facts(after.analysis), facts(analyze(text)));
    assert.deepEqual(facts(after.analysis).map((c) => (c as { anchor: unknown[] }).anchor[1]), ['pg-a', 'pg-b', 'pg-c']);
    // the duplicate pg_seq the edit made is found through the updated index, where a full run finds it
    assert.deepEqual(after.analysis.findings, analyze(text).findings);
    assert.ok(after.analysis.findings.some((f) => f.code === 'identity/pg-seq' && f.data.cluster === 'pg-a'));
  });

  it('moves hosts between clusters by difference when the edit changes a pg_cluster', () => {
    const before = analyze(TEXT);
    const old = before.pgClusters();
    // pg-b's host joins pg-a: pg-b is gone, pg-c is untouched
    const text = TEXT.replace('pg_cluster: pg-b', 'pg_cluster: pg-a');
    const after = reanalyze(before, text);
    assert.equal(after.mode, 'block');
    const now = after.analysis.pgClusters();
    assert.equal(now.get('pg-c')!.members, old.get('pg-c')!.members, 'pg-c keeps its members');
    assert.deepEqual(facts(after.analysis), facts(analyze(text)));
    assert.deepEqual(now.get('pg-a')!.members.map((m) => m.ip), ['10.10.10.11', '10.10.10.12', '10.10.10.21']);
    assert.deepEqual([...now.keys()], ['pg-a', 'pg-c']);
  });

  it('orders the clusters as a full build does when a cluster appears, goes or gets another first member', () => {
    let a = analyze(TEXT);
    let text = TEXT;
    const edits: [string, string][] = [
      // pg-a's first host leaves for a new cluster, which comes first; pg-a now starts at .12
      ['10.10.10.11: { pg_seq: 1, pg_role: primary }', '10.10.10.11: { pg_seq: 1, pg_role: primary, pg_cluster: pg-z }'],
      // pg-c's host joins pg-b, and pg-c is gone
      ['pg_role: primary, pg_cluster: pg-c', 'pg_role: primary, pg_cluster: pg-b'],
      // the new cluster's host comes back, and pg-z is gone
      [', pg_cluster: pg-z }', ' }'],
      // pg-b's group takes pg-a's name: its host joins pg-a, the host that came from pg-c stays in pg-b
      ['vars: { pg_cluster: pg-b }', 'vars: { pg_cluster: pg-a }'],
      // pg-a's first host joins pg-b, before the host pg-b has: pg-b now comes first
      ['10.10.10.11: { pg_seq: 1, pg_role: primary }', '10.10.10.11: { pg_seq: 1, pg_role: primary, pg_cluster: pg-b }'],
    ];
    const orders: string[][] = [];
    for (const [from, to] of edits) {
      a.pgClusters();
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      const r = reanalyze(a, text);
      assert.equal(r.mode, 'block', `${from} -> ${to}`);
      a = r.analysis;
      assert.deepEqual(facts(a), facts(analyze(text)), `${from} -> ${to}`);
      assert.deepEqual(a.findings, analyze(text).findings, `${from} -> ${to}`);
      orders.push([...a.pgClusters().keys()]);
    }
    assert.deepEqual(orders, [['pg-z', 'pg-a', 'pg-b', 'pg-c'], ['pg-z', 'pg-a', 'pg-b'], ['pg-a', 'pg-b'], ['pg-a', 'pg-b'], ['pg-b', 'pg-a']]);
    assert.deepEqual(a.pgClusters().get('pg-b')!.members.map((m) => m.ip), ['10.10.10.11', '10.10.10.31']);
  });

  it('stays equal to a full build over a chain of edits in different groups', () => {
    let a = analyze(TEXT);
    let text = TEXT;
    const edits: [string, string][] = [
      ['Strong.One.1', 'Strong.One.123'], ['pg_seq: 1, pg_role: primary, pg_cluster: pg-c', 'pg_seq: 7, pg_role: primary, pg_cluster: pg-c'],
      ['pg_cluster: pg-b }', 'pg_cluster: pg-b, pg_version: 16 }'], ['Strong.One.123', 'S'], ['pg_cluster: pg-c', 'pg_cluster: pg-cc'],
    ];
    for (const [from, to] of edits) {
      a.pgClusters(); // computed, so that the next version may update it
      text = text.replace(from, to);
      const r = reanalyze(a, text);
      assert.equal(r.mode, 'block', `${from} -> ${to}`);
      a = r.analysis;
      assert.deepEqual(facts(a), facts(analyze(text)), `${from} -> ${to}`);
    }
  });
});

describe('versions that do not ask for the cluster index', () => {
  it('pass the last index on: after other edits, a pg_role edit rebuilds and judges the clusters they touched', () => {
    // a group without hosts, whose value no cluster rule reads
    let text = TEXT.replace('    pg-c:', '    spare: { vars: { node_timezone: UTC } }\n    pg-c:');
    let a = analyze(text);
    const first = a.pgClusters();
    // a password edit in pg-a works its hosts out again; then 19 edits of the spare group, none
    const edits: [string, string][] = [['Strong.One.1', 'Strong.One.12']];
    for (let i = 0; i < 19; i++) edits.push(i % 2 ? ['node_timezone: Asia/Hong_Kong', 'node_timezone: UTC'] : ['node_timezone: UTC', 'node_timezone: Asia/Hong_Kong']);
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const r = reanalyze(a, text);
      assert.equal(r.mode, 'block');
      a = r.analysis;
      assert.ok(!a.rulesRun.includes('identity/pg-role'), `identity/pg-role ran after ${from} -> ${to}`);
      assert.equal(a.memos.has('engine/pgClusters'), false, `the index was computed after ${from} -> ${to}`);
    }
    // what is passed on stays small however many versions pass it on
    const passed = a.memos.get('engine/pgClusters-base')!.value as { since: ReadonlySet<string>[] };
    assert.ok(passed.since.length <= 16, `${passed.since.length} sets of hosts passed on`);
    // pg-b's primary becomes a replica
    text = text.replace('10.10.10.21: { pg_seq: 1, pg_role: primary }', '10.10.10.21: { pg_seq: 1, pg_role: replica }');
    const r = reanalyze(a, text);
    assert.equal(r.mode, 'block');
    const now = r.analysis.pgClusters();
    // pg-a's hosts were worked out again by the password edit, pg-b's by this one; pg-c kept its list
    assert.equal(now.get('pg-c')!.members, first.get('pg-c')!.members);
    assert.notEqual(now.get('pg-b')!.members, first.get('pg-b')!.members);
    assert.deepEqual(r.analysis.unitsJudged.get('identity/primary-count')?.sort(), ['pg-a', 'pg-b']);
    assert.deepEqual(facts(r.analysis), facts(analyze(text)));
    assert.deepEqual(r.analysis.findings, analyze(text).findings);
    assert.ok(r.analysis.findings.some((f) => f.code === 'identity/primary-count'));
  });
});

describe('updatePgClusters', () => {
  it('drops a reworked host that is gone from its cluster, and puts it nowhere', () => {
    // all.vars names a cluster too: a host written nowhere must not fall back to it
    const withGlobal = TEXT.replace('admin_ip: 10.10.10.11', 'admin_ip: 10.10.10.11\n    pg_cluster: pg-all');
    const before = analyze(withGlobal);
    const text = withGlobal.replace('10.10.10.12: { pg_seq: 2, pg_role: replica } ', '');
    assert.notEqual(text, withGlobal);
    const after = analyze(text);
    const updated = updatePgClusters(before.pgClusters(), after.resolver, new Set(['10.10.10.12']));
    const full = indexPgClusters(after.resolver);
    assert.deepEqual([...updated.keys()], [...full.keys()]);
    assert.deepEqual(updated.get('pg-a')!.members.map((m) => m.ip), ['10.10.10.11']);
    assert.deepEqual([...updated.values()].map((c) => c.members.map((m) => m.ip)), [...full.values()].map((c) => c.members.map((m) => m.ip)));
  });
});

describe('a rule that reads clusters only through the index', () => {
  // reports the cluster names it sees: it reads pg_cluster through the index alone, and pg_version
  const names: Rule = {
    ...probeMeta('probe/cluster-names', '{names}'),
    check(ctx) {
      ctx.resolver.value('10.10.10.11', 'pg_version');
      ctx.report({ at: ctx.inventory.allKey, data: { names: [...ctx.pgClusters().keys()].join(',') } });
    },
  };
  const rules = [...allRules, names];
  const seen = (a: Analysis) => a.findings.find((f) => f.code === 'probe/cluster-names')!.message;

  it('still runs again when a pg_cluster changes after an edit that reworked no host', () => {
    // a group without hosts: editing it works out no host again, and the index is carried whole;
    // the probe runs again (pg_version changed) and takes the index's reads from the carried one
    const text = TEXT.replace('    pg-c:', '    spare: { vars: { pg_version: 16 } }\n    pg-c:');
    let a = analyze(text, { rules });
    assert.equal(seen(a), 'pg-a,pg-b,pg-c');
    const quiet = text.replace('pg_version: 16', 'pg_version: 17');
    const first = reanalyze(a, quiet, { rules });
    assert.equal(first.mode, 'block');
    assert.deepEqual([...first.analysis.resolver.reworked!], []);
    assert.ok(first.analysis.rulesRun.includes('probe/cluster-names'));
    a = first.analysis;
    const renamed = quiet.replace('pg_cluster: pg-b', 'pg_cluster: pg-d');
    const second = reanalyze(a, renamed, { rules });
    assert.equal(second.mode, 'block');
    assert.ok(second.analysis.rulesRun.includes('probe/cluster-names'));
    assert.equal(seen(second.analysis), 'pg-a,pg-d,pg-c');
  });
});
