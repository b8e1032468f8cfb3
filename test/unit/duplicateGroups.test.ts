// A group key written twice under all.children (a cluster pasted as a copy of another, before it is
// renamed): yaml reports the later key, a problem no group parsed alone has. The keystroke path
// works these problems out from the block layout (server/src/engine/duplicateGroups.ts), so edits
// while the copy exists stay off the full path. Every version is compared with a full validation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateInventory } from '../../bench/generate';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';
import { assertSame, groupCopy, randomEdit, replay } from '../helpers/replay';

const BASE = generateInventory(30).text;

/** The text of group `name`, from its key line to the next group's (blank line and comments included). */
function groupText(text: string, name: string): { start: number; end: number; text: string } {
  const start = text.indexOf(`\n    ${name}:\n`) + 1;
  assert.ok(start > 0, `group ${name}`);
  const next = /\n {4}\S/g;
  next.lastIndex = start;
  const m = next.exec(text);
  const end = m ? m.index + 1 : text.length;
  return { start, end, text: text.slice(start, end) };
}

/** `text` with the group `name` pasted again right after itself. */
function withCopy(text: string, name: string): string {
  const g = groupText(text, name);
  return text.slice(0, g.end) + g.text + text.slice(g.end);
}

/** Takes `analysis` to `next` on the keystroke path, checks it against a full validation; the mode, with the reason if full. */
function step(analysis: Analysis, next: string, what: string): { mode: string; analysis: Analysis } {
  const result = reanalyze(analysis, next);
  assertSame(result.analysis, next, `after ${what}`);
  return { mode: result.mode === 'full' ? `full: ${result.reason}` : result.mode, analysis: result.analysis };
}

/** Where the text's repeated keys are reported: line and column (1-based). */
function repeatedAt(a: Analysis): string[] {
  const text = a.parsed.text;
  return a.findings.filter((f) => f.code === 'yaml/duplicate-key').map((f) => {
    const line = text.slice(0, f.span.start).split('\n');
    return `${line.length}:${line[line.length - 1].length + 1} ${f.message}`;
  });
}

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

test('a cluster pasted as a copy of itself: the paste, edits in the copy and elsewhere, and the rename stay off the full path', () => {
  const pasted = withCopy(BASE, 'pg-app0002');
  const copyKey = pasted.indexOf('\n    pg-app0002:\n', pasted.indexOf('\n    pg-app0002:\n') + 1) + 1;
  let s = step(analyze(BASE), pasted, 'pasting the copy');
  assert.equal(s.mode, 'groups');
  assert.deepEqual(repeatedAt(s.analysis), [`${lineOf(pasted, 'pg-app0002:', copyKey)}:5 YAML: Map keys must be unique`]);
  // a character typed into the copy's password, then into another cluster's
  let text = pasted;
  const modes: string[] = [];
  for (const [at, what] of [[text.indexOf('password: ', copyKey) + 12, 'the copy'], [text.indexOf('password: ', text.indexOf('pg-app0009:')) + 12, 'pg-app0009']] as const) {
    text = text.slice(0, at) + 'x' + text.slice(at);
    s = step(s.analysis, text, `typing in ${what}`);
    modes.push(s.mode);
    assert.equal(repeatedAt(s.analysis).length, 1, `the repeated key is still reported after typing in ${what}`);
  }
  assert.deepEqual(modes, ['block', 'block']);
  // renamed: `3` typed at the end of the copy's key
  const keyEnd = copyKey + '    pg-app0002'.length;
  text = text.slice(0, keyEnd) + '3' + text.slice(keyEnd);
  s = step(s.analysis, text, 'renaming the copy to pg-app00023');
  assert.equal(s.mode, 'groups');
  assert.deepEqual(repeatedAt(s.analysis), []);
  // the next keystroke has the whole layout: a value edit is a block again
  const at = text.indexOf('pg_seq: 2', text.indexOf('pg-app0020:')) + 'pg_seq: '.length;
  s = step(s.analysis, text.slice(0, at) + '3' + text.slice(at + 1), 'a pg_seq edited');
  assert.equal(s.mode, 'block');
});

test('an inventory opened with repeated group keys takes the block path from its first edit', () => {
  const text = withCopy(withCopy(BASE, 'pg-app0004'), 'pg-app0004');
  const opened = analyze(text);
  const first = text.indexOf('\n    pg-app0004:\n') + 1;
  const second = text.indexOf('\n    pg-app0004:\n', first) + 1;
  const third = text.indexOf('\n    pg-app0004:\n', second) + 1;
  // every later copy is reported at its own key, against the first
  assert.deepEqual(repeatedAt(opened), [lineOf(text, 'pg-app0004:', second), lineOf(text, 'pg-app0004:', third)].map((l) => `${l}:5 YAML: Map keys must be unique`));
  const at = text.indexOf('pg_seq: 2', second) + 'pg_seq: '.length;
  const s = step(opened, text.slice(0, at) + '5' + text.slice(at + 1), 'pg_seq edited in the second copy');
  assert.equal(s.mode, 'block');
  assert.equal(repeatedAt(s.analysis).length, 2);
});

test('renaming the first of two equal keys moves the problem: the later key no longer repeats, the renamed one may repeat a later group', () => {
  const text = withCopy(BASE, 'pg-app0006');
  let s = step(analyze(BASE), text, 'pasting the copy');
  const first = text.indexOf('\n    pg-app0006:\n') + 1 + '    pg-app000'.length;
  // the first pg-app0006 becomes pg-app0007, which a later group is already called
  const renamed = text.slice(0, first) + '7' + text.slice(first + 1);
  s = step(s.analysis, renamed, 'renaming the first pg-app0006 to pg-app0007');
  assert.equal(s.mode, 'groups');
  const later = renamed.indexOf('\n    pg-app0007:\n', renamed.indexOf('\n    pg-app0007:\n') + 1) + 1;
  assert.deepEqual(repeatedAt(s.analysis), [`${lineOf(renamed, 'pg-app0007:', later)}:5 YAML: Map keys must be unique`]);
});

test('a quoted key repeats a plain one of the same value, and deleting the original clears the copy', () => {
  const g = groupText(BASE, 'pg-app0008');
  const quoted = g.text.replace('    pg-app0008:', "    'pg-app0008':");
  const text = BASE.slice(0, g.end) + quoted + BASE.slice(g.end);
  let s = step(analyze(BASE), text, 'pasting a quoted copy');
  assert.deepEqual(repeatedAt(s.analysis), [`${lineOf(text, "'pg-app0008':")}:5 YAML: Map keys must be unique`]);
  // the original selected and deleted
  const deleted = text.slice(0, g.start) + text.slice(g.end);
  s = step(s.analysis, deleted, 'deleting the original');
  assert.equal(s.mode, 'groups');
  assert.deepEqual(repeatedAt(s.analysis), []);
});

test('a repeated key after a group that ends with an empty value is left to a full parse, which reports it at the end of that value', () => {
  const text = withCopy(BASE, 'pg-app0008');
  const copy = text.indexOf('\n    pg-app0008:\n', text.indexOf('\n    pg-app0008:\n') + 1) + 1;
  const s = step(analyze(BASE), text, 'pasting the copy');
  // the original's last line, its databases, deleted: `pg_users:` then ends with its list, the
  // users line deleted next leaves it empty, and yaml moves the copy's problem up to it
  const drop = (t: string, needle: string) => {
    const from = t.lastIndexOf(needle, t.lastIndexOf('\n    pg-app0008:\n'));
    return t.slice(0, from) + t.slice(t.indexOf('\n', from) + 1);
  };
  const noDatabases = drop(text, '        pg_databases:');
  const kept = step(s.analysis, noDatabases, 'deleting pg_databases');
  assert.equal(kept.mode, 'block');
  const emptied = drop(noDatabases, '          - { name: dbuser_app0008');
  const moved = step(kept.analysis, emptied, 'deleting the users line');
  assert.equal(moved.mode, 'full: the group after the edit repeats a key and may follow an empty value');
  const at = emptied.indexOf('pg_users:', emptied.indexOf('pg-app0008:')) + 'pg_users:'.length;
  assert.deepEqual(moved.analysis.findings.filter((f) => f.code === 'yaml/duplicate-key').map((f) => f.span.start), [at]);
  assert.ok(copy > at);
});

test('replaying random edits and copied groups over an inventory with a pasted copy gives the findings of a full validation', () => {
  // a third of the edits copy a group (or an all.vars entry) after one of the groups
  const edit = (text: string, rand: () => number) => (rand() < 0.33 ? groupCopy(text, rand) : randomEdit(text, rand));
  const counts = replay('generated-30 with pg-citusa twice', withCopy(BASE, 'pg-citusa'), 150, 21, { edit });
  assert.ok(counts.block > 50, `only ${counts.block} of 150 edits took the block path`);
  assert.ok(counts.groups > 10, `only ${counts.groups} of 150 edits took the path of a run of groups`);
});

test('group keys repeat as yaml compares them, by value: `1` and `1.0` repeat, `.nan` never does', () => {
  const text = [
    'all:', '  children:',
    '    .nan:', '      hosts: { 10.0.0.1: {} }', '    .nan:', '      hosts: { 10.0.0.2: {} }',
    '    1:', '      hosts: { 10.0.0.3: {} }', '    1.0:', '      hosts: { 10.0.0.4: {} }',
    '  vars:', '    admin_ip: 10.0.0.1', '',
  ].join('\n');
  const opened = analyze(text);
  assert.deepEqual(repeatedAt(opened), ['9:5 YAML: Map keys must be unique']);
  const s = step(opened, text.replace('10.0.0.4: {}', '10.0.0.5: {}'), 'a host of the `1.0` group edited');
  assert.equal(s.mode, 'block');
  // the second `.nan` renamed `1.00`: now first of the three, so `1` repeats it, and `1.0` still repeats
  const renamed = step(s.analysis, s.analysis.parsed.text.replace('    .nan:\n      hosts: { 10.0.0.2', '    1.00:\n      hosts: { 10.0.0.2'), 'renaming .nan to 1.00');
  assert.equal(renamed.mode, 'groups');
  assert.deepEqual(repeatedAt(renamed.analysis), ['7:5 YAML: Map keys must be unique', '9:5 YAML: Map keys must be unique']);
});
