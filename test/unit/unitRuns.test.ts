// Rules judged unit by unit (Rule.units): after an edit inside one group, only the clusters and
// Citus deployments holding a host written there are judged again; the others keep their
// findings, moved over the edit. Pinned here: which units are judged again, when every unit is,
// and that the findings are those of a full validation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';
import type { Rule } from '../../server/src/rules/types';
import { eachPgCluster, judgedByUnit } from '../../server/src/rules/units';
import { valuePlace, writtenAt } from '../../server/src/rules/places';
import { probeMeta } from '../helpers/probeRule';
import { dedent } from '../helpers/ruleTester';

// pg-a uses pg_seq 1 twice, pg-c has no primary, and the two groups of Citus shard pg-citus
// disagree on the dbsu password: one finding per unit, before and after the edits below.
const INVENTORY = dedent(`
  all:
    children:
      pg-a:
        hosts:
          10.10.10.11: { pg_seq: 1, pg_role: primary }
          10.10.10.12: { pg_seq: 1, pg_role: replica }
        vars: { pg_cluster: pg-a }
      pg-b:
        hosts:
          10.10.10.21: { pg_seq: 1, pg_role: primary }
          10.10.10.22: { pg_seq: 2, pg_role: replica }
        vars: { pg_cluster: pg-b }
      pg-citus0:
        hosts: { 10.10.10.31: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-citus0, pg_group: 0, pg_dbsu_password: Citus.Dbsu.One }
      pg-citus1:
        hosts: { 10.10.10.41: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-citus1, pg_group: 1, pg_dbsu_password: Citus.Dbsu.Two }
      pg-c:
        hosts:
          10.10.10.51: { pg_seq: 1, pg_role: replica }
        vars: { pg_cluster: pg-c }
    vars:
      version: v4.5.0
      admin_ip: 10.10.10.11
      pg_mode: pgsql
`).replace(/(pg_cluster: pg-citus\d)/g, '$1, pg_mode: citus, pg_shard: pg-citus');

const UNIT_RULES = ['identity/pg-seq', 'identity/pg-role', 'identity/primary-count', 'citus/group-primary', 'citus/inconsistent'];

/** Each finding of the unit rules as its code and the text it points at. */
function unitFindings(a: Analysis): string[] {
  const text = a.parsed.text;
  return a.findings.filter((f) => UNIT_RULES.includes(f.code)).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end).split('\n')[0]}`);
}

function edit(before: Analysis, text: string): Analysis {
  const result = reanalyze(before, text);
  assert.equal(result.mode, 'block', result.reason);
  assert.deepEqual(result.analysis.findings, analyze(text).findings, 'the findings of a full validation');
  return result.analysis;
}

test('the fixture has one finding of the unit rules in each of three units', () => {
  assert.deepEqual(unitFindings(analyze(INVENTORY)).sort(), [
    'citus/inconsistent Citus.Dbsu.Two',
    'identity/pg-seq 1',
    'identity/primary-count pg-c',
  ]);
});

test('an identity edit in one cluster judges that cluster again and moves the findings of the others', () => {
  const before = analyze(INVENTORY);
  // pg-b's second pg_seq gets longer: pg-c's finding, after it, moves by one
  const text = INVENTORY.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 12, pg_role: replica');
  const after = edit(before, text);
  assert.deepEqual(after.unitsJudged.get('identity/pg-seq'), ['pg-b']);
  assert.deepEqual(unitFindings(after).sort(), unitFindings(before).sort());
  // a role edit (and a space): both identity rules that read roles judge pg-b alone, no Citus rule
  // judges anything, and pg-c's finding, kept, moves by one
  const roles = text.replace('10.10.10.22: { pg_seq: 12, pg_role: replica }', '10.10.10.22: { pg_seq: 12, pg_role: primary  }');
  const next = edit(after, roles);
  assert.deepEqual(next.unitsJudged.get('identity/pg-role'), ['pg-b']);
  assert.deepEqual(next.unitsJudged.get('identity/primary-count'), ['pg-b']);
  assert.deepEqual(next.unitsJudged.get('citus/group-primary'), []);
  assert.deepEqual(unitFindings(next).sort(), [...unitFindings(before), 'identity/primary-count primary'].sort());
});

test('a Citus edit judges its deployment again: agreeing passwords end the finding', () => {
  const before = analyze(INVENTORY);
  const text = INVENTORY.replace('pg_dbsu_password: Citus.Dbsu.Two', 'pg_dbsu_password: Citus.Dbsu.One');
  const after = edit(before, text);
  assert.deepEqual(after.unitsJudged.get('citus/inconsistent'), ['pg-citus']);
  assert.deepEqual(unitFindings(after).sort(), ['identity/pg-seq 1', 'identity/primary-count pg-c']);
  // and a role edit in that deployment's group judges the Citus group rule for it alone
  const role = edit(after, text.replace('10.10.10.41: { pg_seq: 1, pg_role: primary }', '10.10.10.41: { pg_seq: 1, pg_role: replica }'));
  assert.deepEqual(role.unitsJudged.get('citus/group-primary'), ['pg-citus']);
  assert.deepEqual(role.unitsJudged.get('identity/primary-count'), ['pg-citus1']);
});

test('hosts that change cluster or deployment have the units they left and joined judged again; all.vars, every unit', () => {
  const before = analyze(INVENTORY);
  // pg-b's hosts join pg-c: pg-b is gone, pg-c holds them
  const renamed = INVENTORY.replace('vars: { pg_cluster: pg-b }', 'vars: { pg_cluster: pg-c }');
  const a = edit(before, renamed);
  assert.deepEqual(a.unitsJudged.get('identity/pg-seq'), ['pg-c']);
  assert.deepEqual(a.unitsJudged.get('identity/primary-count'), ['pg-c']);
  assert.deepEqual(unitFindings(a).sort(), ['citus/inconsistent Citus.Dbsu.Two', 'identity/pg-seq 1', 'identity/pg-seq 1']);
  // all.vars sets values on every host
  const global = renamed.replace('pg_mode: pgsql', 'pg_mode: pgsql\n    pg_seq: 3');
  const b = edit(a, global);
  assert.ok(b.rulesRun.includes('identity/pg-seq'));
  assert.equal(b.unitsJudged.get('identity/pg-seq'), undefined);
  // pg-citus1 leaves Citus but still names the shard: the deployment is judged again, and it is
  // told its pg_mode differs
  const plain = global.replace('pg_cluster: pg-citus1, pg_mode: citus', 'pg_cluster: pg-citus1, pg_mode: pgsql');
  const c = edit(b, plain);
  assert.deepEqual(c.unitsJudged.get('citus/inconsistent'), ['pg-citus']);
  assert.deepEqual(unitFindings(c).sort(), ['citus/inconsistent Citus.Dbsu.Two', 'citus/inconsistent pgsql', 'identity/pg-seq 1', 'identity/pg-seq 1']);
  // and it names another shard: a deployment of its own, judged as new; pg-citus is judged again
  const apart = plain.replace('pg_cluster: pg-citus1, pg_mode: pgsql, pg_shard: pg-citus', 'pg_cluster: pg-citus1, pg_mode: citus, pg_shard: pg-other');
  const d = edit(c, apart);
  assert.deepEqual(d.unitsJudged.get('citus/group-primary'), ['pg-citus', 'pg-other']);
});

test('a unit rule that crashed is judged in full on the next edit', () => {
  let crash = true;
  const rule: Rule = {
    ...probeMeta('probe/each-cluster', 'cluster {cluster}'),
    ...eachPgCluster((ctx, cluster) => {
      if (crash && cluster.name === 'pg-c') throw new Error('boom');
      if (ctx.resolver.value(cluster.members[0].ip, 'pg_role') === 'replica') ctx.report({ at: cluster.anchor, data: { cluster: cluster.name } });
    }),
  };
  const before = analyze(INVENTORY, { rules: [rule] });
  assert.deepEqual(before.findings.map((f) => f.code), ['internal/rule-crashed']);
  crash = false;
  const text = INVENTORY.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 2, pg_role: offline');
  const after = reanalyze(before, text, { rules: [rule] });
  assert.equal(after.mode, 'block');
  assert.equal(after.analysis.unitsJudged.get('probe/each-cluster'), undefined);
  assert.deepEqual(after.analysis.findings.map((f) => f.message), ['cluster pg-c']);
  // from there on, only the edited cluster: pg-a's first host becomes a replica
  const next = reanalyze(after.analysis, text.replace('10.10.10.11: { pg_seq: 1, pg_role: primary }', '10.10.10.11: { pg_seq: 1, pg_role: replica }'), { rules: [rule] });
  assert.deepEqual(next.analysis.unitsJudged.get('probe/each-cluster'), ['pg-a']);
  assert.deepEqual(next.analysis.findings.map((f) => f.message), ['cluster pg-a', 'cluster pg-c']);
});

// each cluster reports where its pg_mode is written, once per written value
const PG_MODES: Rule = {
  ...probeMeta('probe/once', 'pg_mode of {cluster}'),
  ...eachPgCluster((ctx, cluster) => {
    for (const m of cluster.members) {
      const eff = ctx.resolver.explicit(m.ip, 'pg_mode');
      if (eff) ctx.report({ at: valuePlace(eff, null), data: { cluster: cluster.name }, once: writtenAt(eff) });
    }
  }),
};
const where = (a: Analysis) => a.findings.map((f) => `${f.message} at ${a.parsed.text.slice(f.span.start, f.span.end)}`);

test('a value several clusters share is reported once, by the first of them, whichever units were judged again', () => {
  const rule = PG_MODES;
  const before = analyze(INVENTORY, { rules: [rule] });
  // all.vars' pgsql is pg-a's, pg-b's and pg-c's: pg-a reports it
  assert.deepEqual(where(before), ['pg_mode of pg-citus0 at citus', 'pg_mode of pg-citus1 at citus', 'pg_mode of pg-a at pgsql']);
  // pg-a gets a pg_mode of its own: all.vars' value is now first met in pg-b, which is not judged again
  const text = INVENTORY.replace('vars: { pg_cluster: pg-a }', 'vars: { pg_cluster: pg-a, pg_mode: pgsql }');
  const after = reanalyze(before, text, { rules: [rule] });
  assert.equal(after.mode, 'block');
  assert.deepEqual(after.analysis.unitsJudged.get('probe/once'), ['pg-a']);
  assert.deepEqual(after.analysis.findings, analyze(text, { rules: [rule] }).findings);
  assert.deepEqual(where(after.analysis), ['pg_mode of pg-a at pgsql', 'pg_mode of pg-citus0 at citus', 'pg_mode of pg-citus1 at citus', 'pg_mode of pg-b at pgsql']);
  // and back: pg-a reports all.vars' value again, pg-b's kept report of it is dropped
  const back = reanalyze(after.analysis, INVENTORY, { rules: [rule] });
  assert.deepEqual(back.analysis.unitsJudged.get('probe/once'), ['pg-a']);
  assert.deepEqual(where(back.analysis), where(before));
});

test('vip/interface judges again the VIP cluster or the node-VIP host whose interface was edited', () => {
  const text = dedent(`
    all:
      children:
        infra:
          hosts: { 10.10.10.10: { infra_seq: 1 } }
          vars: { vip_enabled: true, vip_address: 10.10.10.9, vip_vrid: 128, vip_interface: eth0 }
        pg-test:
          hosts:
            10.10.10.11: { pg_seq: 1, pg_role: primary }
            10.10.10.12: { pg_seq: 2, pg_role: replica }
          vars: { pg_cluster: pg-test, pg_vip_enabled: true, pg_vip_address: 10.10.10.3/24, pg_vip_interface: eth1 }
      vars:
        version: v4.5.0
        admin_ip: 10.10.10.10
  `);
  const interfaces = (a: Analysis) => a.findings.filter((f) => f.code === 'vip/interface').map((f) => a.parsed.text.slice(f.span.start, f.span.end));
  const before = analyze(text);
  assert.deepEqual(interfaces(before), []);
  const node = text.replace('vip_interface: eth0', 'vip_interface: eth0/1');
  const a = edit(before, node);
  assert.deepEqual(a.unitsJudged.get('vip/interface'), ['vip_interface 10.10.10.10']);
  assert.deepEqual(interfaces(a), ['eth0/1']);
  const both = node.replace('pg_vip_interface: eth1', 'pg_vip_interface: eth 1');
  const b = edit(a, both);
  assert.deepEqual(b.unitsJudged.get('vip/interface'), ['pg_vip_interface pg-test']);
  assert.deepEqual(interfaces(b), ['eth0/1', 'eth 1']);
});

test('a cluster that loses a host written elsewhere is judged again, though it holds no edited host', () => {
  // pg-x is written in two groups; its primary leaves it from the first one
  const text = dedent(`
    all:
      children:
        pg-x1:
          hosts:
            10.10.10.11: { pg_cluster: pg-x, pg_seq: 1, pg_role: primary }
        pg-x2:
          hosts:
            10.10.10.12: { pg_cluster: pg-x, pg_seq: 2, pg_role: replica }
      vars: { admin_ip: 10.10.10.11 }
  `);
  const before = analyze(text);
  assert.deepEqual(unitFindings(before), []);
  const after = edit(before, text.replace('{ pg_cluster: pg-x, pg_seq: 1', '{ pg_cluster: pg-y, pg_seq: 1'));
  assert.deepEqual(after.unitsJudged.get('identity/primary-count'), ['pg-y', 'pg-x']);
  assert.deepEqual(unitFindings(after), ['identity/primary-count pg-x']);
});

// Host by host, where its pg_mode is written, once per written value. A host's version never
// changes, so only the once keys can tell that a host's group was parsed again.
const PG_MODE_BY_HOST: Rule = {
  ...probeMeta('probe/hosts', 'pg_mode of {host}'),
  ...judgedByUnit<string>({
    list: (ctx) => new Map(ctx.resolver.hostIps().map((ip) => [ip, ip])),
    touches: (ip, hosts) => hosts.has(ip),
    version: () => 0,
    judge(ctx, ip) {
      const eff = ctx.resolver.explicit(ip, 'pg_mode');
      if (eff) ctx.report({ at: valuePlace(eff, null), data: { host: ip }, once: writtenAt(eff) });
    },
  }),
};

/** Host .21 is in both groups. */
const G_AND_H = dedent(`
  all:
    children:
      g:
        hosts: { 10.10.10.11: {}, 10.10.10.21: {} }
        vars: { pg_mode: pgsql, pg_version: 17 }
      h:
        hosts: { 10.10.10.21: {}, 10.10.10.31: { pg_mode: mssql } }
    vars: { admin_ip: 10.10.10.11 }
`);

test('after an edit that re-parsed a group but left a rule alone, its once keys are not trusted', () => {
  const rule = PG_MODE_BY_HOST;
  const text = G_AND_H;
  const rules = [rule];
  const before = analyze(text, { rules });
  assert.deepEqual(where(before), ['pg_mode of 10.10.10.11 at pgsql', 'pg_mode of 10.10.10.31 at mssql']);
  // g is parsed again (its pg_mode node is a new one), the rule is carried over
  const version = text.replace('pg_version: 17', 'pg_version: 16');
  const a = reanalyze(before, version, { rules });
  assert.ok(!a.analysis.rulesRun.includes('probe/hosts'));
  // an edit in h judges .21 and .31 again: g's value must still be reported once, for .11
  const edited = version.replace('pg_mode: mssql', 'pg_mode: citus');
  const b = reanalyze(a.analysis, edited, { rules });
  assert.equal(b.mode, 'block');
  assert.deepEqual(where(b.analysis), ['pg_mode of 10.10.10.11 at pgsql', 'pg_mode of 10.10.10.31 at citus']);
  assert.deepEqual(b.analysis.findings, analyze(edited, { rules }).findings);
});

test('a rule carried over with once keys keeps its units: the next run judges again only the hosts reworked since', () => {
  // as above, with a third group k that neither edit touches
  const rule = PG_MODE_BY_HOST;
  const text = G_AND_H.replace('  vars: { admin_ip', '    k:\n      hosts: { 10.10.10.41: { pg_mode: ivorysql }, 10.10.10.42: {} }\n      vars: { pg_mode: pgsql }\n  vars: { admin_ip');
  const rules = [rule];
  const before = analyze(text, { rules });
  const expected = ['pg_mode of 10.10.10.11 at pgsql', 'pg_mode of 10.10.10.31 at mssql', 'pg_mode of 10.10.10.41 at ivorysql', 'pg_mode of 10.10.10.42 at pgsql'];
  assert.deepEqual(where(before), expected);
  // two edits in g that the rule does not read: carried over twice, g's hosts pending
  let a = before;
  for (const version of [17, 16]) {
    const next = reanalyze(a, a.parsed.text.replace(`pg_version: ${version}`, `pg_version: ${version - 1}`), { rules });
    assert.equal(next.mode, 'block');
    assert.ok(!next.analysis.rulesRun.includes('probe/hosts'));
    a = next.analysis;
  }
  assert.deepEqual([...a.ruleRuns.get('probe/hosts')!.units!.pending!].sort(), ['10.10.10.11', '10.10.10.21']);
  // an edit in h: its hosts and g's pending ones are judged again, k's keep their findings
  const edited = a.parsed.text.replace('pg_mode: mssql', 'pg_mode: citus');
  const b = reanalyze(a, edited, { rules });
  assert.equal(b.mode, 'block');
  assert.deepEqual(b.analysis.unitsJudged.get('probe/hosts'), ['10.10.10.11', '10.10.10.21', '10.10.10.31']);
  assert.equal(b.analysis.ruleRuns.get('probe/hosts')!.units!.pending, undefined);
  assert.deepEqual(where(b.analysis), [expected[0], 'pg_mode of 10.10.10.31 at citus', expected[2], expected[3]]);
  assert.deepEqual(b.analysis.findings, analyze(edited, { rules }).findings);
});
