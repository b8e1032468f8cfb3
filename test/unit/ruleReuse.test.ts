// On the keystroke path a rule runs again only when the edit changed a parameter it read; the
// others keep their findings, moved to the new text. Pinned here: what counts as a read, that a
// value edit re-runs exactly the rules that read it, and that random value edits over the corpus
// and the benchmark inventories still give the findings of a full validation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generateInventory, prng } from '../../bench/generate';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';
import { allRules } from '../../server/src/rules';
import { eachWrittenEntry } from '../../server/src/rules/paramEntries';
import type { Rule, RuleContext } from '../../server/src/rules/types';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { probeMeta } from '../helpers/probeRule';
import { dedent } from '../helpers/ruleTester';

const INVENTORY = dedent(`
  all:
    children:
      etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
      pg-test:
        hosts:
          10.10.10.11: { pg_seq: 1, pg_role: primary }
          10.10.10.12: { pg_seq: 2, pg_role: replica }
        vars:
          pg_cluster: pg-test
          pg_vip_enabled: true
          pg_vip_address: 10.10.10.3/24
          pg_vip_interface: eth1
          pg_users: [ { name: dbuser_app, password: Secret.One } ]
    vars:
      admin_ip: 10.10.10.10
`);

/** A rule that does `read` and reports once, so that its run can be seen. */
function probe(code: string, read: (ctx: RuleContext) => void): Rule {
  return {
    ...probeMeta(code, 'probe'),
    check(ctx) {
      read(ctx);
      ctx.report({ at: ctx.inventory.allKey });
    },
  };
}

function readsOf(analysis: Analysis, code: string): string[] | 'all' {
  const reads = analysis.ruleRuns.get(code)!.reads;
  return reads.all ? 'all' : [...reads.names].sort();
}

test('reads: resolver values by name; iterating variables, raw YAML nodes or the whole text read everything', () => {
  const shared = (ctx: RuleContext) => ctx.memo('probe/shared', () => ctx.resolver.value('10.10.10.11', 'pg_seq'));
  const rules = [
    probe('probe/resolver', (ctx) => ctx.resolver.get('10.10.10.11', 'pg_role')),
    probe('probe/group-vars', (ctx) => ctx.inventory.groups[1].vars.get('pg_cluster')),
    probe('probe/iterate', (ctx) => [...ctx.inventory.globalVars.values()]),
    probe('probe/raw', (ctx) => ctx.inventory.groups[1].varsNode),
    probe('probe/raw-host', (ctx) => ctx.inventory.groups[1].hosts[0].valueNode),
    probe('probe/text', (ctx) => ctx.text.length),
    probe('probe/version', (ctx) => ctx.pigstyVersion),
    probe('probe/memo-first', shared),
    probe('probe/memo-again', shared),
    probe('probe/clusters', (ctx) => ctx.pgClusters()),
  ];
  const a = analyze(INVENTORY, { rules });
  assert.deepEqual(readsOf(a, 'probe/resolver'), ['pg_role']);
  assert.deepEqual(readsOf(a, 'probe/group-vars'), ['pg_cluster']);
  assert.equal(readsOf(a, 'probe/iterate'), 'all');
  assert.equal(readsOf(a, 'probe/raw'), 'all');
  assert.equal(readsOf(a, 'probe/raw-host'), 'all');
  assert.equal(readsOf(a, 'probe/text'), 'all');
  assert.deepEqual(readsOf(a, 'probe/version'), ['version']);
  // whoever uses a shared value read what computing it read
  assert.deepEqual(readsOf(a, 'probe/memo-first'), ['pg_seq']);
  assert.deepEqual(readsOf(a, 'probe/memo-again'), ['pg_seq']);
  const clusterReads = readsOf(a, 'probe/clusters');
  assert.ok(clusterReads !== 'all' && clusterReads.includes('pg_cluster'), `pgClusters() reads pg_cluster: ${clusterReads}`);
});

test('a password edit re-runs the rules that read pg_users, not the identity or VIP rules; findings equal a full run', () => {
  const before = analyze(INVENTORY.replace('pg_seq: 2', 'pg_seq: 1'));
  const text = before.parsed.text.replace('Secret.One', 'DBUser.Meta');
  const result = reanalyze(before, text);
  assert.equal(result.mode, 'block');
  const ran = new Set(result.analysis.rulesRun);
  assert.ok(ran.has('secrets/default-password'), 'the default-password rule ran');
  for (const code of ['identity/pg-seq', 'identity/pg-role', 'vip/address-invalid', 'vip/interface', 'citus/shard-missing']) {
    assert.ok(!ran.has(code), `${code} did not run`);
  }
  assert.ok(ran.size < allRules.length / 2, `${ran.size} of ${allRules.length} rules ran`);
  const full = analyze(text);
  assert.deepEqual(result.analysis.findings, full.findings);
  // the carried-over duplicate pg_seq finding is still on its line
  const seq = result.analysis.findings.find((f) => f.code === 'identity/pg-seq');
  assert.ok(seq, 'the duplicate pg_seq is still reported');
  assert.equal(text.slice(seq.span.start, seq.span.end), '1');
});

test('a VIP edit re-runs the VIP rules and moves the findings after it', () => {
  const before = analyze(INVENTORY);
  const text = INVENTORY.replace('pg_vip_address: 10.10.10.3/24', 'pg_vip_address: 10.10.10.300/24');
  const result = reanalyze(before, text);
  assert.equal(result.mode, 'block');
  assert.ok(result.analysis.rulesRun.includes('vip/address-invalid'));
  assert.ok(!result.analysis.rulesRun.includes('identity/pg-seq'));
  assert.deepEqual(result.analysis.findings, analyze(text).findings);
  assert.ok(result.analysis.findings.some((f) => f.code === 'vip/address-invalid' && text.slice(f.span.start, f.span.end) === '10.10.10.300/24'));
});

// Three blocks with findings of the entry-by-entry rules (Rule.local): an unknown name and a default
// password in pg-a, the same in pg-b, and a default password in all.vars.
const LOCAL = dedent(`
  all:
    children:
      pg-a:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
        vars:
          pg_cluster: pg-a
          pg_clsuter_note: a
          pg_users: [ { name: dbuser_a, password: DBUser.Meta } ]
      pg-b:
        hosts: { 10.10.10.12: { pg_seq: 1, pg_role: primary } }
        vars:
          pg_cluster: pg-b
          my_own_var: b
          pg_users: [ { name: dbuser_b, password: DBUser.Viewer } ]
    vars:
      version: v4.5.0
      admin_ip: 10.10.10.11
      pg_admin_password: DBUser.DBA
`);

const LOCAL_RULES = [
  'params/unknown', 'params/type', 'params/unknown-field', 'params/level', 'params/derived', 'params/not-yet', 'secrets/default-password',
  'infra/removed-param', 'structure/vars-not-map', 'structure/group-hosts', 'structure/host-not-ipv4', 'structure/host-vars-not-map',
];

function findingsOf(a: Analysis, text: string, codes: string[]): string[] {
  return a.findings.filter((f) => codes.includes(f.code)).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
}

test('an edit inside one group re-runs the entry-by-entry rules over that group alone and keeps their findings elsewhere', () => {
  const before = analyze(LOCAL);
  const codes = ['params/unknown', 'secrets/default-password'];
  assert.deepEqual(findingsOf(before, LOCAL, codes).sort(), [
    'params/unknown my_own_var', 'params/unknown pg_clsuter_note',
    'secrets/default-password DBUser.DBA', 'secrets/default-password DBUser.Meta', 'secrets/default-password DBUser.Viewer',
  ]);
  // pg-a's password is no longer a default, its typo gets longer: every later span moves by 3
  const text = LOCAL.replace('password: DBUser.Meta', 'password: Strong.One.2').replace('pg_clsuter_note: a', 'pg_clsuter_notes: a');
  const result = reanalyze(before, text);
  assert.equal(result.mode, 'block');
  assert.deepEqual([...result.analysis.rulesRunLocally].sort(), [...LOCAL_RULES].sort());
  assert.deepEqual(result.analysis.findings, analyze(text).findings);
  assert.deepEqual(findingsOf(result.analysis, text, codes).sort(), [
    'params/unknown my_own_var', 'params/unknown pg_clsuter_notes',
    'secrets/default-password DBUser.DBA', 'secrets/default-password DBUser.Viewer',
  ]);
});

// Findings of the group-by-group structure rules in three groups, and of two rules that read only a
// few parameters by name: a stale address in node_etc_hosts, and a minio_type that is not silo.
const SHAPES = dedent(`
  all:
    children:
      pg-a:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary }, 10.10.10.21: bad-a }
        vars: { pg_cluster: pg-a, pg_users: [ { name: dbuser_a, password: Strong.One.1 } ] }
      pg-b:
        hosts: { 10.10.10.12: { pg_seq: 1, pg_role: primary }, 10.10.10.22: bad-b, db-b: {} }
        vars: { pg_cluster: pg-b, node_etc_hosts: [ '10.10.10.99 gone' ] }
      spare: { hosts: {} }
      minio: { hosts: { 10.10.10.13: { minio_seq: 1 } }, vars: { minio_cluster: minio, minio_type: mnmd } }
    vars:
      version: v4.5.0
      admin_ip: 10.10.10.11
`);

test('structure rules run group by group, and rules that read parameters by name keep their findings across other edits', () => {
  const codes = ['structure/host-vars-not-map', 'structure/host-not-ipv4', 'structure/group-hosts', 'infra/stale-ip', 'infra/minio-type'];
  const before = analyze(SHAPES);
  assert.deepEqual(findingsOf(before, SHAPES, codes).sort(), [
    'infra/minio-type mnmd', "infra/stale-ip '10.10.10.99 gone'", 'structure/group-hosts {}', 'structure/host-not-ipv4 db-b',
    'structure/host-vars-not-map bad-a', 'structure/host-vars-not-map bad-b',
  ]);
  assert.deepEqual(readsOf(before, 'infra/minio-type'), ['minio_type', 'version']);
  // a password and a host value in pg-a: every later span moves, pg-b's finding is kept, pg-a's found again
  const edited = SHAPES.replace('Strong.One.1', 'Strong.One.12').replace('bad-a', 'worse-a');
  const a = reanalyze(before, edited);
  assert.equal(a.mode, 'block');
  assert.ok(a.analysis.rulesRunLocally.includes('structure/host-vars-not-map'));
  assert.ok(!a.analysis.rulesRun.includes('infra/stale-ip') && !a.analysis.rulesRun.includes('infra/minio-type'), `ran: ${a.analysis.rulesRun}`);
  assert.deepEqual(a.analysis.findings, analyze(edited).findings);
  assert.deepEqual(findingsOf(a.analysis, edited, codes).sort(), [
    'infra/minio-type mnmd', "infra/stale-ip '10.10.10.99 gone'", 'structure/group-hosts {}', 'structure/host-not-ipv4 db-b',
    'structure/host-vars-not-map bad-b', 'structure/host-vars-not-map worse-a',
  ]);
  // the address itself, and minio_type, are what those two rules read: they run again
  const moved = edited.replace('10.10.10.99 gone', '10.10.10.98 gone').replace('minio_type: mnmd', 'minio_type: silo');
  const b = reanalyze(reanalyze(a.analysis, edited.replace('10.10.10.99 gone', '10.10.10.98 gone')).analysis, moved);
  assert.ok(b.analysis.rulesRun.includes('infra/minio-type'));
  assert.deepEqual(b.analysis.findings, analyze(moved).findings);
  assert.deepEqual(findingsOf(b.analysis, moved, codes).sort(), [
    "infra/stale-ip '10.10.10.98 gone'", 'structure/group-hosts {}', 'structure/host-not-ipv4 db-b',
    'structure/host-vars-not-map bad-b', 'structure/host-vars-not-map worse-a',
  ]);
});

test('infra/stale-ip reads the VIPs only when a record names an address that is not a host', () => {
  const USES = ['dns_records', 'haproxy_services', 'infra_portal', 'node_default_etc_hosts', 'node_dns_servers', 'node_etc_hosts'];
  // records of hosts only: a VIP edit does not run the rule again
  const hosts = INVENTORY.replace('admin_ip: 10.10.10.10', "admin_ip: 10.10.10.10\n    node_etc_hosts: [ '10.10.10.11 a', '10.10.10.12 b' ]");
  const before = analyze(hosts);
  assert.deepEqual(readsOf(before, 'infra/stale-ip'), USES);
  const vip = reanalyze(before, hosts.replace('10.10.10.3/24', '10.10.10.4/24'));
  assert.ok(!vip.analysis.rulesRun.includes('infra/stale-ip'));
  // a record of the VIP: the rule reads the owners, and moving the VIP leaves the record stale
  const named = INVENTORY.replace('admin_ip: 10.10.10.10', "admin_ip: 10.10.10.10\n    node_etc_hosts: [ '10.10.10.3 pg-test' ]");
  const a = analyze(named);
  assert.deepEqual(readsOf(a, 'infra/stale-ip'), [...USES, 'admin_ip', 'pg_vip_address', 'vip_address'].sort());
  assert.deepEqual(findingsOf(a, named, ['infra/stale-ip']), []);
  const moved = named.replace('10.10.10.3/24', '10.10.10.4/24');
  const b = reanalyze(a, moved);
  assert.equal(b.mode, 'block');
  assert.deepEqual(findingsOf(b.analysis, moved, ['infra/stale-ip']), ["infra/stale-ip '10.10.10.3 pg-test'"]);
  assert.deepEqual(b.analysis.findings, analyze(moved).findings);
});

test('the entry-by-entry rules run in full when an edit brings Jinja names or changes the version', () => {
  // a Jinja expression in pg-a that uses pg-b's own variable: its finding in pg-b must go
  const before = analyze(LOCAL);
  const jinja = LOCAL.replace('pg_clsuter_note: a', "pg_clsuter_note: '{{ my_own_var }}'");
  const a = reanalyze(before, jinja);
  assert.equal(a.mode, 'block');
  assert.deepEqual(a.analysis.rulesRunLocally, []);
  assert.ok(a.analysis.rulesRun.includes('params/unknown'));
  assert.deepEqual(a.analysis.findings, analyze(jinja).findings);
  assert.ok(!findingsOf(a.analysis, jinja, ['params/unknown']).includes('params/unknown my_own_var'));
  // and the Jinja leaving again brings it back
  const b = reanalyze(a.analysis, LOCAL);
  assert.deepEqual(b.analysis.rulesRunLocally, []);
  assert.deepEqual(b.analysis.findings, analyze(LOCAL).findings);
  // a version older than pg_users' catalog entry changes params/not-yet everywhere
  const old = LOCAL.replace('version: v4.5.0', 'version: v1.0.0');
  const c = reanalyze(b.analysis, old);
  assert.equal(c.mode, 'block');
  assert.ok(!c.analysis.rulesRunLocally.includes('params/not-yet'));
  assert.deepEqual(c.analysis.findings, analyze(old).findings);
});

test('a crash report of an entry-by-entry rule is not kept: the next edit runs the rule in full', () => {
  let crash = true;
  const rule: Rule = {
    ...probe('probe/local', () => undefined),
    local: true,
    check(ctx) {
      if (crash) throw new Error('boom');
      eachWrittenEntry(ctx, (entry) => {
        if (entry.name === 'my_own_var') ctx.report({ at: entry.keyNode });
      });
    },
  };
  const before = analyze(LOCAL, { rules: [rule] });
  assert.deepEqual(before.findings.map((f) => f.code), ['internal/rule-crashed']);
  crash = false;
  const text = LOCAL.replace('pg_clsuter_note: a', 'pg_clsuter_note: ab');
  const after = reanalyze(before, text, { rules: [rule] });
  assert.equal(after.mode, 'block');
  assert.deepEqual(after.analysis.rulesRunLocally, []);
  assert.deepEqual(after.analysis.findings, analyze(text, { rules: [rule] }).findings);
  assert.deepEqual(findingsOf(after.analysis, text, ['probe/local']), ['probe/local my_own_var']);
});

// Values an operator types into the parameters the semantic rules read.
const VALUES: Record<string, string[]> = {
  pg_role: ['primary', 'replica', 'offline', 'master', 'standby', ''],
  pg_seq: ['1', '2', '3', '0', '-1', 'x'],
  pg_cluster: ['pg-test', 'pg-meta', 'pg-citus0', 'pg_bad', ''],
  pg_vip_address: ['10.10.10.3/24', '10.11.0.10/24', '10.11.0.10', '10.11.0.11/24', '300.1.1.1/24', '10.11.0.10/33'],
  pg_vip_interface: ['eth0', 'eth1', "''"],
  pg_vip_enabled: ['true', 'false', 'yes', 'off'],
  vip_enabled: ['true', 'false'],
  vip_interface: ['auto', 'eth0', 'eth1/2', "''"],
  vip_address: ['10.10.10.9', '10.10.10.20', '10.10.10.11'],
  pg_shard: ['pg-citus', 'pg-citusa', 'pg-other', ''],
  pg_group: ['0', '1', '2', '9', 'x'],
  pg_mode: ['citus', 'pgsql', 'gpsql'],
  pg_dbsu_password: ['DBUser.Postgres', 'Some.Secret', "''"],
  etcd_seq: ['1', '2', '3', '4'],
  infra_seq: ['1', '2'],
  password: ['DBUser.Meta', 'Strong.One', 'DBUser.Viewer'],
  pg_version: ['16', '17', '18', '13'],
  version: ['v4.5.0', 'v3.6.0', 'v2.7.0'],
  admin_ip: ['10.10.10.10', '10.10.0.10', '10.9.9.9'],
};
const EDITABLE = new RegExp(`\\b(${Object.keys(VALUES).join('|')}): ('[^']*'|[^,}\\s#]*)`, 'g');

/** Replaces one value written for a parameter of VALUES with another of its values. */
function valueEdit(text: string, rand: () => number): string | null {
  const places = [...text.matchAll(EDITABLE)];
  if (places.length === 0) return null;
  const m = places[Math.floor(rand() * places.length)];
  const options = VALUES[m[1]];
  const value = options[Math.floor(rand() * options.length)];
  const start = m.index! + m[1].length + 2;
  return text.slice(0, start) + value + text.slice(start + m[2].length);
}

function replayValueEdits(name: string, text: string, steps: number, seed: number): { reused: number; block: number; local: number; byUnit: number } {
  const rand = prng(seed);
  let current = analyze(text);
  let reused = 0;
  let block = 0;
  let local = 0;
  let byUnit = 0;
  for (let step = 0; step < steps; step++) {
    const next = valueEdit(current.parsed.text, rand);
    if (next === null) break;
    const result = reanalyze(current, next);
    const full = analyze(next);
    assert.deepEqual(result.analysis.findings, full.findings, `${name}, step ${step}: findings differ from a full validation`);
    if (result.mode === 'block') block++;
    if (result.mode === 'block' && result.analysis.rulesRun.length < full.rulesRun.length) reused++;
    if (result.analysis.rulesRunLocally.length > 0) local++;
    if (result.analysis.unitsJudged.size > 0) byUnit++;
    current = result.analysis;
  }
  return { reused, block, local, byUnit };
}

test('random value edits over a generated inventory with Citus and VIPs give the findings of a full validation', () => {
  const { reused, block, local, byUnit } = replayValueEdits('generated-40', generateInventory(40).text, 200, 11);
  assert.ok(block > 150, `only ${block} of 200 edits took the block path`);
  assert.ok(reused > 100, `rules were carried over in only ${reused} edits`);
  assert.ok(local > 100, `the entry-by-entry rules ran over one block in only ${local} edits`);
  assert.ok(byUnit > 50, `the unit-by-unit rules judged only some units in only ${byUnit} edits`);
});

test('random value edits over every corpus template give the findings of a full validation', () => {
  let reused = 0;
  let local = 0;
  let byUnit = 0;
  for (const [i, file] of corpusFiles().entries()) {
    const counts = replayValueEdits(corpusName(file), fs.readFileSync(file, 'utf8'), 10, 500 + i);
    reused += counts.reused;
    local += counts.local;
    byUnit += counts.byUnit;
  }
  assert.ok(reused > 100, `rules were carried over in only ${reused} corpus edits`);
  assert.ok(local > 50, `the entry-by-entry rules ran over one block in only ${local} corpus edits`);
  assert.ok(byUnit > 50, `the unit-by-unit rules judged only some units in only ${byUnit} corpus edits`);
});
