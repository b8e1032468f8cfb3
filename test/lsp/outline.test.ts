// The outline kept group by group between versions (server/src/lsp/documentSymbols.ts) must be
// the outline built from scratch, after any sequence of edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateInventory, prng } from '../../bench/generate';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';
import { outline } from '../../server/src/lsp/documentSymbols';
import { corpusFiles } from '../helpers/corpus';

const VALUES: Record<string, string[]> = {
  pg_role: ['primary', 'replica', 'offline', ''],
  pg_seq: ['1', '2', '7', 'x'],
  pg_cluster: ['pg-test', 'pg-meta', 'pg-other'],
  pg_mode: ['citus', 'pgsql'],
  pg_group: ['0', '1', '4'],
  etcd_seq: ['1', '2', '5'],
  etcd_cluster: ['etcd', 'etcd2'],
  infra_seq: ['1', '3'],
};
const EDITABLE = new RegExp(`\\b(${Object.keys(VALUES).join('|')}): ('[^']*'|[^,}\\s#]*)`, 'g');

type Edit = (text: string, rand: () => number) => string | null;

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)];

/** Another value for a parameter the details show (in a host, a group or all.vars). */
const valueEdit: Edit = (text, rand) => {
  const places = [...text.matchAll(EDITABLE)];
  if (places.length === 0) return null;
  const m = pick(places, rand);
  const start = m.index! + m[1].length + 2;
  return text.slice(0, start) + pick(VALUES[m[1]], rand) + text.slice(start + m[2].length);
};

/** A comment line added above a line indented like it: the groups below move down. */
const addLine: Edit = (text, rand) => {
  const starts = [...text.matchAll(/\n( +)\S/g)];
  if (starts.length === 0) return null;
  const m = pick(starts, rand);
  return text.slice(0, m.index! + 1) + `${m[1]}# note\n` + text.slice(m.index! + 1);
};

/** One of those comment lines taken out again: the groups below move up. */
const removeLine: Edit = (text, rand) => {
  const notes = [...text.matchAll(/\n +# note\n/g)];
  if (notes.length === 0) return null;
  const m = pick(notes, rand);
  return text.slice(0, m.index! + 1) + text.slice(m.index! + m[0].length);
};

/** A character typed into a host key: the host is another one. */
const hostEdit: Edit = (text, rand) => {
  const keys = [...text.matchAll(/\n +10\.\d+\.\d+\.\d+(?=:)/g)];
  if (keys.length === 0) return null;
  const m = pick(keys, rand);
  const end = m.index! + m[0].length;
  return text.slice(0, end) + '1' + text.slice(end);
};

const EDITS: Edit[] = [valueEdit, valueEdit, valueEdit, addLine, removeLine, hostEdit];

function fromScratch(text: string): ReturnType<typeof outline> {
  return outline(TextDocument.create('file:///scratch.yml', 'yaml', 1, text), analyze(text));
}

/** Replays random edits; returns how many top-level symbols were handed out again as they were. */
function replay(name: string, text: string, steps: number, seed: number): { same: number; total: number } {
  const rand = prng(seed);
  let analysis: Analysis = analyze(text);
  let previous = outline(TextDocument.create('file:///replay.yml', 'yaml', 1, text), analysis);
  let same = 0;
  let total = 0;
  for (let step = 0; step < steps; step++) {
    const next = pick(EDITS, rand)(analysis.parsed.text, rand);
    if (next === null) continue;
    analysis = reanalyze(analysis, next).analysis;
    const symbols = outline(TextDocument.create('file:///replay.yml', 'yaml', step + 2, next), analysis);
    assert.deepEqual(symbols, fromScratch(next), `${name}, step ${step}: the outline differs from one built from scratch`);
    const before = new Set(previous);
    same += symbols.filter((s) => before.has(s)).length;
    total += symbols.length;
    previous = symbols;
  }
  return { same, total };
}

test('the outline after random edits of a generated inventory is the one built from scratch', () => {
  const { same, total } = replay('generated-40', generateInventory(40).text, 150, 7);
  // most edits touch one group of ~45: the others' symbols are handed out again
  assert.ok(same > total * 0.6, `only ${same} of ${total} top-level symbols were kept`);
});

test('the outline after random edits of every corpus template is the one built from scratch', () => {
  for (const [i, file] of corpusFiles().entries()) replay(file, fs.readFileSync(file, 'utf8'), 12, 900 + i);
});

test('a group below an added line is moved, not built again; an edit of all.vars builds every group again', () => {
  const text = generateInventory(5).text;
  let analysis = analyze(text);
  const first = outline(TextDocument.create('file:///m.yml', 'yaml', 1, text), analysis);
  const last = first[first.length - 1];
  // a comment line inside the first group
  const at = text.indexOf('\n', text.indexOf(first[0].name + ':')) + 1;
  const added = text.slice(0, at) + '      # note\n' + text.slice(at);
  analysis = reanalyze(analysis, added).analysis;
  const second = outline(TextDocument.create('file:///m.yml', 'yaml', 2, added), analysis);
  assert.notEqual(second[second.length - 1], last);
  assert.equal(second[second.length - 1].range.start.line, last.range.start.line + 1);
  assert.deepEqual(second, fromScratch(added));
  // the same lines again: the moved symbols are kept as they are
  const retyped = added.replace('# note', '# nope');
  analysis = reanalyze(analysis, retyped).analysis;
  const third = outline(TextDocument.create('file:///m.yml', 'yaml', 3, retyped), analysis);
  assert.equal(third[third.length - 1], second[second.length - 1]);
  // all.vars sets pg_mode for every host without its own
  const globalEdit = retyped.replace(/\n {2}vars:\n/, '\n  vars:\n    pg_mode: citus\n');
  assert.notEqual(globalEdit, retyped);
  analysis = reanalyze(analysis, globalEdit).analysis;
  const fourth = outline(TextDocument.create('file:///m.yml', 'yaml', 4, globalEdit), analysis);
  assert.deepEqual(fourth, fromScratch(globalEdit));
  assert.ok(fourth.every((s, i) => s !== third[i]));
});

test('a kept group is built again when a host of its child group gets another value elsewhere', () => {
  const text = [
    'all:',
    '  children:',
    '    pg-x:',
    '      children:',
    '        pg-x-a: { hosts: { 10.10.10.11: {} }, vars: { pg_cluster: pg-x } }',
    '    extra:',
    '      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: replica } }',
    '',
  ].join('\n');
  let analysis = analyze(text);
  const before = outline(TextDocument.create('file:///n.yml', 'yaml', 1, text), analysis);
  assert.equal(before[0].children![0].children![0].detail, 'replica · pg-x-1');
  const edited = text.replace('pg_role: replica', 'pg_role: primary');
  const result = reanalyze(analysis, edited);
  assert.equal(result.mode, 'block');
  analysis = result.analysis;
  const after = outline(TextDocument.create('file:///n.yml', 'yaml', 2, edited), analysis);
  assert.equal(after[0].children![0].children![0].detail, 'primary · pg-x-1');
  assert.deepEqual(after, fromScratch(edited));
});
