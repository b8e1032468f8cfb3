// Where the client's edits left the text alone: applyChanges must apply the changes exactly as the
// document sync does, and report bounds that hold; the analyses must use them only for the versions
// they cover.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prng } from '../../bench/generate';
import { analyze } from '../../server/src/engine/analyze';
import { diffTexts } from '../../server/src/engine/incremental';
import { Analyses } from '../../server/src/lsp/analyses';
import { applyChanges } from '../../server/src/lsp/editBounds';

const SMALL = [
  'all:',
  '  children:',
  '    pg-test:',
  '      hosts:',
  '        10.10.10.11: { pg_seq: 1, pg_role: primary }',
  '        10.10.10.12: { pg_seq: 2, pg_role: replica }',
  '      vars: { pg_cluster: pg-test }',
  '    etcd:',
  '      hosts: { 10.10.10.10: { etcd_seq: 1 } }',
  '      vars: { etcd_cluster: etcd }',
  '',
].join('\n');

test('runs of random changes: the text is what the document sync makes of them, and the bounds hold', () => {
  const rand = prng(5);
  const original = 'line one\nline two\n\nline four\r\nfive';
  for (let run = 0; run < 300; run++) {
    const mine = TextDocument.create('file:///a.yml', 'yaml', 1, original);
    const theirs = TextDocument.create('file:///a.yml', 'yaml', 1, original);
    // each change at valid positions of the text the changes before it made, as a client sends them
    const shadow = TextDocument.create('file:///a.yml', 'yaml', 1, original);
    const changes: TextDocumentContentChangeEvent[] = [];
    const count = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const at = () => shadow.positionAt(Math.floor(rand() * (shadow.getText().length + 1)));
      const text = ['', 'x', '\n', 'ab\ncd'][Math.floor(rand() * 4)];
      const change = rand() < 0.05 ? { text: 'whole\n' } : { range: { start: at(), end: at() }, text };
      TextDocument.update(shadow, [change], 2);
      changes.push(change);
    }
    const same = applyChanges(mine, changes, 2);
    TextDocument.update(theirs, changes, 2);
    const after = mine.getText();
    assert.equal(after, theirs.getText(), `run ${run}`);
    assert.equal(after, shadow.getText(), `run ${run}`);
    assert.equal(mine.version, 2);
    assert.ok(Number.isInteger(same.prefix) && Number.isInteger(same.suffix) && same.prefix >= 0 && same.suffix >= 0);
    assert.equal(after.slice(0, same.prefix), original.slice(0, same.prefix), `prefix of run ${run}`);
    assert.equal(after.slice(after.length - same.suffix), original.slice(original.length - same.suffix), `suffix of run ${run}`);
  }
});

test('a position past the end of the text gives no bounds, never wrong ones', () => {
  const doc = TextDocument.create('file:///a.yml', 'yaml', 1, 'whole\n');
  const same = applyChanges(doc, [
    { range: { start: { line: 3, character: 5 }, end: { line: 2, character: 7 } }, text: 'ab\ncd' },
    { range: { start: { line: 2, character: 0 }, end: { line: 1, character: 9 } }, text: 'ab\ncd' },
  ], 2);
  const after = doc.getText();
  assert.equal(after.slice(0, same.prefix), 'whole\n'.slice(0, same.prefix));
  assert.equal(after.slice(after.length - same.suffix), 'whole\n'.slice('whole\n'.length - same.suffix));
  assert.ok(Number.isInteger(same.prefix) && Number.isInteger(same.suffix));
});

test('one keystroke: the bounds are exactly the text before and after it', () => {
  const doc = TextDocument.create('file:///a.yml', 'yaml', 1, 'abc\ndef\n');
  const same = applyChanges(doc, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, text: 'XY' }], 2);
  assert.equal(doc.getText(), 'abc\ndXYf\n');
  assert.deepEqual(same, { prefix: 5, suffix: 2 });
});

test('diffTexts gives the same change when told part of what is the same', () => {
  const rand = prng(9);
  for (let i = 0; i < 300; i++) {
    const before = Array.from({ length: Math.floor(rand() * 40) }, () => 'ab\n'[Math.floor(rand() * 3)]).join('');
    const at = Math.floor(rand() * (before.length + 1));
    const cut = Math.min(before.length, at + Math.floor(rand() * 4));
    const after = before.slice(0, at) + ['', 'a', 'ba', '\n'][Math.floor(rand() * 4)] + before.slice(cut);
    const exact = diffTexts(before, after);
    // any true bounds, up to the whole common start and end
    const prefix = Math.floor(rand() * (at + 1));
    const suffix = Math.floor(rand() * (before.length - cut + 1));
    assert.deepEqual(diffTexts(before, after, { prefix, suffix }), exact, JSON.stringify({ before, after, prefix, suffix }));
  }
});

test('the analyses use the edits noted since the analysed version, and only those', () => {
  const edited = SMALL.replace('pg_role: replica', 'pg_role: primary');
  const doc = (version: number, text: string) => TextDocument.create('file:///pigsty.yml', 'yaml', version, text);
  const codes = (a: { findings: { code: string }[] }) => a.findings.map((f) => f.code);
  const expected = codes(analyze(edited));
  assert.ok(expected.includes('identity/primary-count'));

  // a true note: the same findings as a full validation
  const truth = { prefix: SMALL.indexOf('replica'), suffix: SMALL.length - SMALL.indexOf('replica') - 'replica'.length };
  const right = new Analyses(() => ({}), () => {});
  right.get(doc(1, SMALL), false);
  right.noteEdit('file:///pigsty.yml', 1, 2, truth);
  assert.deepEqual(codes(right.get(doc(2, edited), false)), expected);

  // a note is trusted when it covers the versions: one that says the edit was in the etcd group
  // hides the edit in pg-test (which shows it was used)...
  const lie = { prefix: SMALL.indexOf('    etcd:'), suffix: 0 };
  const trusting = new Analyses(() => ({}), () => {});
  trusting.get(doc(1, SMALL), false);
  trusting.noteEdit('file:///pigsty.yml', 1, 2, lie);
  assert.ok(!codes(trusting.get(doc(2, edited), false)).includes('identity/primary-count'));

  // ...and ignored when it starts at another version than the analysed one
  const other = new Analyses(() => ({}), () => {});
  other.get(doc(1, SMALL), false);
  other.noteEdit('file:///pigsty.yml', 0, 2, lie);
  assert.deepEqual(codes(other.get(doc(2, edited), false)), expected);

  // notes chain: what 1 -> 2 and 2 -> 3 left alone is what both left alone
  const chained = new Analyses(() => ({}), () => {});
  chained.get(doc(1, SMALL), false);
  chained.noteEdit('file:///pigsty.yml', 1, 2, truth);
  chained.noteEdit('file:///pigsty.yml', 2, 3, lie);
  assert.deepEqual(codes(chained.get(doc(3, edited), false)), expected);
});
