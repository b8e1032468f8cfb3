// Moving the findings of a text over an edit: where a span cannot be placed for sure, no move.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Finding, moveFindings } from '../../server/src/engine/findings';

function at(start: number, end: number): Finding {
  return { code: 'probe/x', severity: 'warning', span: { start, end }, message: 'x', data: {}, related: [] };
}

test('findings before an edit stay, findings after it move by the length change', () => {
  const moved = moveFindings([at(0, 5), at(20, 25)], { start: 10, end: 12, length: 5 });
  assert.deepEqual(moved?.map((f) => f.span), [{ start: 0, end: 5 }, { start: 23, end: 28 }]);
});

test('a span that ends where a replacement starts, or starts where it ends, is moved as a neighbour', () => {
  const moved = moveFindings([at(5, 10), at(12, 15)], { start: 10, end: 12, length: 0 });
  assert.deepEqual(moved?.map((f) => f.span), [{ start: 5, end: 10 }, { start: 10, end: 13 }]);
});

test('a span with an end inside the edit, or at the place of an insertion, cannot be moved', () => {
  assert.equal(moveFindings([at(5, 11)], { start: 10, end: 12, length: 1 }), null);
  // typed right before what the span marks (it moves) or as its new start (it does not): unknown
  assert.equal(moveFindings([at(10, 15)], { start: 10, end: 10, length: 3 }), null);
  // typed right after it: the same question for its end
  assert.equal(moveFindings([at(5, 10)], { start: 10, end: 10, length: 3 }), null);
  const related = { ...at(0, 1), related: [{ span: { start: 10, end: 12 }, message: 'here' }] };
  assert.equal(moveFindings([related], { start: 10, end: 10, length: 3 }), null);
});
