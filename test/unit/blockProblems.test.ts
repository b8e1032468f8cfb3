// Which YAML problems belong to which top-level block: kept, replaced or moved by the keystroke path.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockLayout } from '../../server/src/engine/blocks';
import { blockAt, sameProblems, spliceProblems } from '../../server/src/engine/blockProblems';
import type { Finding } from '../../server/src/engine/findings';
import { parseText } from '../../server/src/engine/parse';

const TEXT = 'all:\n  children:\n    a: { hosts: {} }\n    b: { hosts: {} }\n  vars:\n    x: 1\n';

function problem(start: number, end = start + 1, message = 'YAML: m'): Finding {
  return { code: 'yaml/syntax', severity: 'error', span: { start, end }, message, data: {}, related: [], docs: '' };
}

function layout() {
  const l = blockLayout(parseText(TEXT));
  assert.ok(typeof l !== 'string', String(l));
  return l;
}

test('blockAt: each offset of a block is its own, the end of the text belongs to the last block, the rest to none', () => {
  const l = layout();
  const [a, b, vars] = l.blocks;
  assert.equal(blockAt(l, a.start, TEXT.length), a);
  assert.equal(blockAt(l, a.end - 1, TEXT.length), a);
  assert.equal(blockAt(l, b.start, TEXT.length), b);
  assert.equal(blockAt(l, TEXT.length - 1, TEXT.length), vars);
  assert.equal(blockAt(l, TEXT.length, TEXT.length), vars);
  assert.equal(blockAt(l, 0, TEXT.length), undefined); // `all:` is no block
});

test('spliceProblems keeps the problems before the block, replaces its own and moves those after it', () => {
  const [, b] = layout().blocks;
  const before = [problem(b.start - 3), problem(b.start + 2), problem(b.end + 1), problem(TEXT.length, TEXT.length)];
  const own = [problem(b.start + 5, b.start + 6, 'YAML: new')];
  const out = spliceProblems(before, b, own, 4, TEXT.length);
  assert.deepEqual(out.map((f) => [f.span.start, f.message]), [[b.start - 3, 'YAML: m'], [b.start + 5, 'YAML: new'], [b.end + 5, 'YAML: m'], [TEXT.length + 4, 'YAML: m']]);
  // the problem at the end of the text is the last block's: replaced when that block is parsed again
  const vars = layout().blocks[2];
  assert.deepEqual(spliceProblems([problem(TEXT.length, TEXT.length)], vars, [], -1, TEXT.length), []);
});

test('sameProblems compares place, severity, code and message, as many times each, in any order', () => {
  assert.ok(sameProblems([problem(1), problem(5)], [problem(5), problem(1)]));
  assert.ok(!sameProblems([problem(1), problem(5)], [problem(1), problem(1)]));
  assert.ok(!sameProblems([problem(1)], [problem(1, 3)]));
  assert.ok(!sameProblems([problem(1)], [problem(1, 2, 'YAML: other')]));
  assert.ok(!sameProblems([problem(1)], []));
});
