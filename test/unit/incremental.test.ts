// The keystroke path must give exactly what a full validation gives: replay random edits over the
// corpus templates and generated inventories, comparing reanalyze() with analyze() after each one
// (findings, and the range and value of every YAML node the rules can see).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { YAMLMap } from 'yaml';
import { prng, generateInventory } from '../../bench/generate';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { diffTexts, reanalyze } from '../../server/src/engine/incremental';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { assertSame, replay, tailEdit } from '../helpers/replay';
import { dedent } from '../helpers/ruleTester';

test('replaying random edits over a generated 30-cluster inventory gives the findings of a full validation', () => {
  const counts = replay('generated-30', generateInventory(30).text, 150, 7);
  assert.ok(counts.block > 50, `only ${counts.block} of 150 edits took the block path`);
});

test('replaying edits around a node VIP interface that several hosts share gives the findings of a full validation', () => {
  // group vip-nics puts the first host of five PostgreSQL clusters on a node L2 VIP whose interface
  // no NIC can have: vip/interface judges each such host on its own (a unit whose version never
  // changes) and reports the shared entry once. An edit in vip-nics that the rule does not read
  // (nic_note) carries the rule over, though the entry was parsed again; when an edit in one of the
  // clusters runs the rule next, the other hosts of vip-nics must be judged again too, or the old
  // entry and the new one are both reported.
  const base = generateInventory(30).text;
  const primaries = [...base.matchAll(/^ {8}(10\.11\.\d+\.11): \{ pg_seq: 1/gm)].map((m) => m[1]);
  const members = primaries.filter((_, i) => i % 4 === 1).slice(0, 5);
  assert.equal(members.length, 5);
  const vars = 'vip_enabled: true, vip_address: 10.11.1.9, vip_vrid: 129, vip_interface: eth/1, nic_note: abc';
  const group = `    vip-nics:\n      hosts: { ${members.map((ip) => `${ip}: {}`).join(', ')} }\n      vars: { ${vars} }\n`;
  const text = base.replace('\n  vars:\n', `\n${group}\n  vars:\n`);
  assert.deepEqual(analyze(text).findings.filter((f) => f.code === 'vip/interface').map((f) => text.slice(f.span.start, f.span.end)), ['eth/1']);
  const places = (t: string, pattern: RegExp) => [...t.matchAll(pattern)].map((m) => m.index! + m[0].length);
  // a character typed or deleted in nic_note, a password, a cluster's pg_vip_interface or a pg_role
  const edit = (t: string, rand: () => number): string => {
    const kind = Math.floor(rand() * 4);
    const at = [/nic_note: ab/g, /password: \w/g, /pg_vip_interface: eth/g, /pg_role: pr/g].map((p) => places(t, p))[kind];
    const i = at[Math.floor(rand() * at.length)];
    return rand() < 0.5 ? t.slice(0, i) + 'x' + t.slice(i) : t.slice(0, i) + t.slice(i + 1);
  };
  let rejudged = 0;
  replay('generated-30 with group vip-nics', text, 150, 13, {
    edit,
    observe(before, after) {
      const pending = before.ruleRuns.get('vip/interface')?.units?.pending;
      if (pending && members.some((ip) => pending.has(ip)) && after.unitsJudged.get('vip/interface')) rejudged++;
    },
  });
  assert.ok(rejudged >= 5, `only ${rejudged} runs judged again the units of a carried run`);
});

test('replaying random edits over every corpus template gives the findings of a full validation', () => {
  let block = 0;
  for (const [i, file] of corpusFiles().entries()) {
    const counts = replay(corpusName(file), fs.readFileSync(file, 'utf8'), 12, 100 + i);
    block += counts.block;
  }
  assert.ok(block > 100, `only ${block} corpus edits took the block path`);
});

test('replaying edits at the ends of groups over every corpus template gives the findings of a full validation', () => {
  // comment lines after a group's last value can take the end of all.children up to the next key
  let block = 0;
  for (const [i, file] of corpusFiles().entries()) {
    block += replay(corpusName(file), fs.readFileSync(file, 'utf8'), 12, 900 + i, { edit: tailEdit }).block;
  }
  assert.ok(block > 60, `only ${block} edits at the ends of groups took the block path`);
});

const SMALL = dedent(`
  all:
    children:
      etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
      pg-test:
        hosts:
          10.10.10.11: { pg_seq: 1, pg_role: primary }
          10.10.10.12: { pg_seq: 2, pg_role: replica }
        vars: { pg_cluster: pg-test }
    vars:
      admin_ip: 10.10.10.10
`);

test('a second primary typed inside a group is found on the block path, on the edited line', () => {
  const before = analyze(SMALL);
  const after = SMALL.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 2, pg_role: primary');
  const result = reanalyze(before, after);
  assert.equal(result.mode, 'block');
  const primaries = result.analysis.findings.filter((f) => f.code === 'identity/primary-count');
  assert.ok(primaries.length > 0, 'the second primary is reported');
  assertSame(result.analysis, after, 'after the second primary');
  // the same group names and host keys: the indexes were updated, not built again
  assert.equal(result.analysis.inventory.hostOccurrences, before.inventory.hostOccurrences);
  assert.equal(result.analysis.inventory.groupsByName, before.inventory.groupsByName);
});

test('a group whose vars key is renamed, with the same hosts, passes its vars on no more (block path)', () => {
  // the group names and host keys stay, so the indexes are updated in place; the structure changed,
  // so the resolver compares each host's places with the previous version's
  const renamed = SMALL.replace('vars: { pg_cluster: pg-test }', 'varz: { pg_cluster: pg-test }');
  assert.notEqual(renamed, SMALL);
  const before = analyze(SMALL);
  assert.equal(before.resolver.value('10.10.10.12', 'pg_cluster'), 'pg-test');
  const result = reanalyze(before, renamed);
  assert.equal(result.mode, 'block');
  assert.equal(result.analysis.resolver.value('10.10.10.12', 'pg_cluster'), undefined);
  assertSame(result.analysis, renamed, 'after vars became varz');
  const again = reanalyze(result.analysis, SMALL);
  assert.equal(again.mode, 'block');
  assert.equal(again.analysis.resolver.value('10.10.10.12', 'pg_cluster'), 'pg-test');
  assertSame(again.analysis, SMALL, 'after varz became vars again');
});

test('a suppression comment and a Jinja expression typed one character at a time take effect on the block path', () => {
  // the file holds neither before: each keystroke must notice the marker the moment it is complete
  const start = generateInventory(30).text.replace('10.11.2.12: { pg_seq: 2, pg_role: replica }', '10.11.2.12: { pg_seq: 2, pg_role: primary }');
  let current = analyze(start);
  let text = start;
  const edit = (at: number, typed: string, what: string): void => {
    const next = text.slice(0, at) + typed + text.slice(at);
    const result = reanalyze(current, next);
    assert.equal(result.mode, 'block', `${what}: ${result.reason}`);
    assertSame(result.analysis, next, `after ${what}`);
    current = result.analysis;
    text = next;
  };
  const type = (at: number, typed: string): void => {
    for (let i = 0; i < typed.length; i++) edit(at + i, typed[i], `typing ${JSON.stringify(typed.slice(0, i + 1))}`);
  };
  const lineEnd = (line: string) => text.indexOf(line) + line.length;
  const primaries = () => current.findings.filter((f) => f.code === 'identity/primary-count').length;
  assert.ok(primaries() > 0);
  type(lineEnd('10.11.2.11: { pg_seq: 1, pg_role: primary }'), '\n        # pigsty-lint-disable-next-line identity/primary-count');
  assert.equal(primaries(), 0, 'the directive suppresses the second primary');
  assert.equal(current.suppressions.suppressed.length, 1);
  // a variable Pigsty does not know is reported until a Jinja expression in the file uses its name
  const unknown = () => current.findings.filter((f) => f.code === 'params/unknown' && f.data.name === 'app_owner_note').length;
  edit(lineEnd('pg_cluster: pg-app0003'), '\n        app_owner_note: x\n        pg_exporter_params: x', 'pasting two lines');
  assert.equal(unknown(), 1);
  type(lineEnd('pg_exporter_params: x'), '{{ app_owner_note }}');
  assert.equal(unknown(), 0, 'the name is used in Jinja');
});

test('an edit in all.vars takes the block path and later findings keep their places', () => {
  const broken = SMALL.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 1, pg_role: replica');
  const result = reanalyze(analyze(broken), broken.replace('admin_ip: 10.10.10.10', 'admin_ip: 10.10.10.10\n    node_tune: oltp'));
  assert.equal(result.mode, 'block');
  assertSame(result.analysis, broken.replace('admin_ip: 10.10.10.10', 'admin_ip: 10.10.10.10\n    node_tune: oltp'), 'after the vars edit');
});

test('renaming a group takes the path of a run of groups; anchors or an edit above all.children fall back to a full validation', () => {
  const renamedText = SMALL.replace('pg-test:', 'pg-tset:');
  const renamed = reanalyze(analyze(SMALL), renamedText);
  assert.equal(renamed.mode, 'groups');
  assertSame(renamed.analysis, renamedText, 'after the rename');
  assert.deepEqual(renamed.analysis.inventory.groups.filter((g) => g.depth === 1).map((g) => g.name), ['etcd', 'pg-tset']);
  const anchored = SMALL.replace('vars: { pg_cluster: pg-test }', 'vars: &v { pg_cluster: pg-test }');
  const withAnchor = reanalyze(analyze(anchored), anchored.replace('pg_seq: 2', 'pg_seq: 3'));
  assert.equal(withAnchor.mode, 'full');
  assert.match(withAnchor.reason ?? '', /anchors/);
  const header = reanalyze(analyze(SMALL), '# inventory\n' + SMALL);
  assert.equal(header.mode, 'full');
});

test('a line dedented out of its group falls back to a full validation', () => {
  const dedented = SMALL.replace('      vars: { pg_cluster: pg-test }', '  vars: { pg_cluster: pg-test }');
  assert.notEqual(dedented, SMALL);
  const result = reanalyze(analyze(SMALL), dedented);
  assert.equal(result.mode, 'full');
  assert.equal(result.reason, 'a line of the block moved out of it');
  assertSame(result.analysis, dedented, 'after the dedent');
});

/** The range of the `all.children` map. */
function childrenRange(a: Analysis): number[] {
  const all = (a.parsed.documents[0].contents as YAMLMap).get('all') as YAMLMap;
  return [...(all.get('children') as YAMLMap).range!];
}

test('an explicit key typed in a group that then takes in the next group\'s key line is parsed with that group', () => {
  // found by a long random replay: alone, the edited block of conf/app/dify.yml parses without a
  // problem; in the whole file, the key line of the next group (pg-meta) becomes part of a key
  // that started more than 1,024 characters before it, which YAML forbids. The follower key shows
  // it, so the region takes in pg-meta too, and the two groups parsed together have the problem
  const file = corpusFiles().find((f) => corpusName(f) === 'conf/app/dify.yml')!;
  const before = fs.readFileSync(file, 'utf8');
  const at = before.indexOf('NGINX_SERVER_NAME') - 1;
  const after = before.slice(0, at) + '? ' + before.slice(at);
  const full = analyze(after).findings.filter((f) => f.code === 'yaml/syntax');
  assert.equal(full.length, 1);
  assert.equal(after.slice(full[0].span.start, full[0].span.end), 'pg-meta');
  const result = reanalyze(analyze(before), after);
  assert.equal(result.mode, 'groups');
  assertSame(result.analysis, after, 'after typing `? `');
  const mended = reanalyze(result.analysis, before);
  assertSame(mended.analysis, before, 'after deleting `? `');
});

/** Types `typed` one piece at a time at `at`, comparing each version with a full validation; returns the modes. */
function typeInto(text: string, at: number, typed: string[], where: string): string[] {
  let analysis = analyze(text);
  let current = text;
  let pos = at;
  const modes: string[] = [];
  for (const piece of typed) {
    current = current.slice(0, pos) + piece + current.slice(pos);
    pos += piece.length;
    const result = reanalyze(analysis, current);
    assertSame(result.analysis, current, `${where} after ${JSON.stringify(current.slice(at, pos))}`);
    modes.push(result.mode + (result.reason ? `: ${result.reason}` : ''));
    analysis = result.analysis;
  }
  return modes;
}

test('a host line typed into a group takes the block path while it is half typed (a YAML problem inside the group)', () => {
  // every version from `1` to `10.10.10.13: { pg_seq: 3 }` but the last is a YAML problem in pg-test alone
  const text = generateInventory(30).text;
  const at = text.indexOf('\n', text.indexOf('        10.11.2.12: {')) + 1;
  const typed = ['        1', '0', '.10.10.13', ':', ' ', '{', ' pg_seq', ':', ' 3', ' ', '}', '\n'];
  const modes = typeInto(text, at, typed, 'typing a host line');
  assert.deepEqual(modes, typed.map(() => 'block'));
  // and the problems were there on the way
  const half = text.slice(0, at) + '        10.10.10.13: { pg_seq' + text.slice(at);
  assert.ok(analyze(half).findings.some((f) => f.code === 'yaml/syntax'));
});

test('a text opened with a half-typed line in a group takes the block path from the next keystroke on', () => {
  // the problem of a full parse lies inside one group, which parsed alone has the very same problem
  const text = generateInventory(30).text;
  const at = text.indexOf('\n', text.indexOf('        10.11.2.12: {')) + 1;
  const opened = text.slice(0, at) + '        10.10.10.13: { pg_se' + text.slice(at);
  const modes = typeInto(opened, at + '        10.10.10.13: { pg_se'.length, ['q', ':', ' 3 }', '\n'], 'finishing the line');
  assert.deepEqual(modes, ['block', 'block', 'block', 'block']);
});

test('a YAML problem at the very end of the text belongs to the last block: gone once the block is mended', () => {
  // found by the long replay: `[` typed before the last value of all.vars, which ends the text, is
  // reported at the end of the text; deleting it must take the problem away
  const text = generateInventory(5).text;
  assert.ok(text.lastIndexOf('\n  vars:\n') > text.lastIndexOf('\n  children:\n'), 'all.vars ends the text');
  const at = text.lastIndexOf(': ') + 2;
  const broken = text.slice(0, at) + '[' + text.slice(at);
  const first = reanalyze(analyze(text), broken);
  assert.equal(first.mode, 'block');
  assert.ok(first.analysis.findings.some((f) => f.code === 'yaml/syntax' && f.span.start === broken.length), 'the problem is at the end');
  const mended = reanalyze(first.analysis, text);
  assert.equal(mended.mode, 'block');
  assertSame(mended.analysis, text, 'after deleting the `[`');
});

test('a problem reported in the indentation of the next group\'s key line is not kept once the group is mended', () => {
  // found by the long replay: `[` typed into the last line of a group (a flow list inside a flow
  // map) is reported where the next group's key line starts; the block alone cannot own it
  const text = generateInventory(40).text;
  const at = text.indexOf('pg_databases: [ { name: app0006') + 'pg_databases: [ { name: '.length;
  const broken = text.slice(0, at) + '[' + text.slice(at);
  const keyLine = broken.indexOf('\n    pg-app0007:', at) + 1;
  const inIndent = (f: { code: string; span: { start: number } }) => f.code === 'yaml/syntax' && f.span.start >= keyLine && f.span.start < keyLine + 4;
  assert.ok(analyze(broken).findings.some(inIndent), 'a problem in the indentation of the next key line');
  const typed = reanalyze(analyze(text), broken);
  // the region takes in the next group, where the problem is reported
  assert.equal(typed.mode, 'groups');
  assertSame(typed.analysis, broken, 'after typing `[`');
  const mended = reanalyze(typed.analysis, text);
  assertSame(mended.analysis, text, 'after deleting it');
});

test('YAML problems that depend on the text around their group fall back to a full validation', () => {
  // (a group key written twice is a problem of all.children that the layout works out: test/unit/duplicateGroups.test.ts)
  // a flow map left open on the group's last line is reported where the key line after the group
  // starts (left open on an earlier line, the line after it ends the map, inside the group)
  const open = SMALL.replace('vars: { pg_cluster: pg-test }', 'vars: { pg_cluster: pg-test');
  const typed = reanalyze(analyze(SMALL), open);
  assert.equal(typed.mode, 'full');
  assert.equal(typed.reason, 'the block has YAML problems at its end');
  assertSame(typed.analysis, open, 'after deleting a `}`');
});

test('an edit in all.vars followed by a lone `:` indented further falls back to a full validation', () => {
  // the layout takes the `:` line (a pair with no key in `all`) for the key line after all.vars,
  // though it is indented further than `vars`: no sibling key can stand in for it
  const text = SMALL + '   : # a key-less pair\n';
  const after = text.replace('admin_ip: 10.10.10.10', 'admin_ip: 10.10.10.11');
  const result = reanalyze(analyze(text), after);
  assert.equal(result.mode, 'full');
  assert.equal(result.reason, 'the key line after the block is indented further');
  assertSame(result.analysis, after, 'after the admin_ip edit');
});

test('a comment line that starts with a tab does not end all.vars: the parameters after it stay checked on the block path', () => {
  // the layout took every line not starting with a space for a key line at column 0, so the block
  // of all.vars ended at the tab, and an edit above it dropped the rest of all.vars from the model
  const text = SMALL.replace('admin_ip: 10.10.10.10\n', 'admin_ip: 10.10.10.10\n    node_tune: oltp\n\t    # passwords\n    pg_admin_password: DBUser.DBA\n');
  const full = analyze(text);
  assert.ok(full.findings.some((f) => f.code === 'secrets/default-password'), 'the password after the tab line is found');
  const after = text.replace('node_tune: oltp', 'node_tune: olap');
  const result = reanalyze(full, after);
  assert.equal(result.mode, 'block');
  assertSame(result.analysis, after, 'after the node_tune edit');
});

test('a comment line typed right before a host key moves the host\'s findings with it', () => {
  // no parameter changed, so identity/pg-role is carried over with its findings moved; its
  // finding starts exactly where the line was typed, and was left there (found by the long replay)
  const text = SMALL.replace('10.10.10.12: { pg_seq: 2, pg_role: replica }', '10.10.10.12: { pg_seq: 2 }');
  const before = analyze(text);
  const finding = before.findings.find((f) => f.code === 'identity/pg-role')!;
  assert.equal(text.slice(finding.span.start, finding.span.end), '10.10.10.12');
  const after = text.slice(0, finding.span.start) + '# the second host\n        ' + text.slice(finding.span.start);
  const result = reanalyze(before, after);
  assert.equal(result.mode, 'block');
  assertSame(result.analysis, after, 'after the comment line');
});

test('deleting the comment after the last group gives all.children the end of a full parse', () => {
  // the comment line belongs to the last group's block, and it took the end of all.children
  // (its last range offset) up to the next key
  const text = SMALL.replace('vars: { pg_cluster: pg-test }\n', 'vars: { pg_cluster: pg-test }\n    #minio: { hosts: { 10.10.10.13: { minio_seq: 1 } } }\n\n');
  assert.notEqual(text, SMALL);
  for (const [what, after] of [
    ['deleting the comment', text.replace('    #minio: { hosts: { 10.10.10.13: { minio_seq: 1 } } }\n', '')],
    ['typing a host above the comment', text.replace('vars: { pg_cluster: pg-test }\n', 'vars: { pg_cluster: pg-test }\n        x: 1\n')],
  ]) {
    const result = reanalyze(analyze(text), after);
    assertSame(result.analysis, after, `after ${what}`);
  }
});

test('a deletion in one group that brings the end of a later group onto its old end moves all.children\'s end once', () => {
  // all.children ends where its last group does; shifted by the deletion, that offset equals the
  // edited group's old end, which must not make it count as ending with the edited group
  const comments = Array.from({ length: 16 }, (_, i) => `        # note ${i}: ${'x'.repeat(40)}\n`).join('');
  const text = SMALL.replace('vars: { pg_cluster: pg-test }\n', 'vars: { pg_cluster: pg-test }\n    minio: { hosts: { 10.10.10.13: { minio_seq: 1 } } }\n')
    .replace('    etcd: {', '    pg-a:\n      hosts: { 10.10.10.14: { pg_seq: 1, pg_role: primary } }\n      vars:\n        pg_cluster: pg-a\n' + comments + '    etcd: {');
  const before = analyze(text);
  const groups = before.inventory.groups.filter((g) => g.depth === 1);
  assert.deepEqual(groups.map((g) => g.name), ['pg-a', 'etcd', 'pg-test', 'minio']);
  const end = (g: (typeof groups)[number]) => (g.node as unknown as { range: number[] }).range[2];
  const from = text.indexOf('# note 0') + 2;
  const length = end(groups[3]) - end(groups[0]);
  assert.ok(length > 0 && from + length < text.indexOf('    etcd: {'), 'the deletion stays among the comments of pg-a');
  const after = text.slice(0, from) + text.slice(from + length);
  const result = reanalyze(before, after);
  assert.equal(result.mode, 'block');
  assert.deepEqual(childrenRange(result.analysis), childrenRange(analyze(after)));
  assertSame(result.analysis, after, 'after the deletion');
});

test('diffTexts finds the smallest single replacement', () => {
  assert.deepEqual(diffTexts('abcdef', 'abXdef'), { start: 2, end: 3, text: 'X' });
  assert.deepEqual(diffTexts('abc', 'abc!'), { start: 3, end: 3, text: '!' });
  assert.deepEqual(diffTexts('aaaa', 'aaa'), { start: 3, end: 4, text: '' });
});

test('diffTexts agrees with a character-by-character diff on long texts (edits across its 1,024-character steps)', () => {
  const naive = (before: string, after: string) => {
    const max = Math.min(before.length, after.length);
    let start = 0;
    while (start < max && before[start] === after[start]) start++;
    let tail = 0;
    while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
  };
  const rand = prng(7);
  const letters = (n: number) => Array.from({ length: n }, () => 'ab\n '[Math.floor(rand() * 4)]).join('');
  for (let i = 0; i < 3000; i++) {
    const before = letters(Math.floor(rand() * 5000));
    // every other case edits right at a step's edge, counted from the start or from the end
    const edge = 1024 * (1 + Math.floor(rand() * 4)) + Math.floor(rand() * 5) - 2;
    const near = i % 2 === 0 ? edge : before.length - edge;
    const at = i % 4 < 2 && near >= 0 && near <= before.length ? near : Math.floor(rand() * (before.length + 1));
    const cut = Math.min(before.length - at, Math.floor(rand() * (i % 3 === 0 ? 3000 : 4)));
    const after = before.slice(0, at) + letters(Math.floor(rand() * (i % 5 === 0 ? 2500 : 3))) + before.slice(at + cut);
    assert.deepEqual(diffTexts(before, after), naive(before, after), `case ${i}`);
  }
});

test('a parameter line pasted again under its own key moves the parameter\'s findings to the later one, which wins', () => {
  // found by a long replay: the written text and the value are the same, so the edit looked like
  // no parameter changed, and infra/admin-not-infra was carried over on the first admin_ip
  const text = SMALL.replace('etcd: { hosts: { 10.10.10.10:', 'infra: { hosts: { 10.10.10.9: { infra_seq: 1 } } }\n    etcd: { hosts: { 10.10.10.10:');
  const before = analyze(text);
  assert.ok(before.findings.some((f) => f.code === 'infra/admin-not-infra'), 'admin_ip is no infra node');
  const at = text.indexOf('    admin_ip:');
  const after = text.slice(0, at) + '    admin_ip: 10.10.10.10\n' + text.slice(at);
  const result = reanalyze(before, after);
  assert.equal(result.mode, 'block');
  const finding = result.analysis.findings.find((f) => f.code === 'infra/admin-not-infra');
  assert.ok(finding, 'still reported');
  assert.equal(after.lastIndexOf('\n', finding.span.start) + 1, after.lastIndexOf('    admin_ip:'), 'on the later admin_ip line');
  assertSame(result.analysis, after, 'after the pasted line');
});
