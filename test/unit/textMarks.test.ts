// After an edit, TextMarks must answer exactly what a search of the whole new text answers, while
// searching only where the edit wrote.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prng } from '../../bench/generate';
import { TextMark, TextMarks } from '../../server/src/engine/textMarks';

const MARKS: TextMark[] = ['pigsty-lint-', '{{', '{%'];
// pieces that build and break the markers, so that edits make them appear across their edges
const PIECES = ['{', '%', '{{', '{%', 'pigsty-', 'lint-', 'pigsty-lint-', '-', 'x', ' ', '\n', '}}'];

test('after a chain of random edits, each mark is known present exactly when the new text holds it', () => {
  const rand = prng(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  for (let chain = 0; chain < 300; chain++) {
    let text = Array.from({ length: 8 }, () => pick(['a', ' ', 'x', '-', '\n', '{'])).join('');
    let marks = new TextMarks(text);
    for (const m of MARKS) marks.has(m); // known from the start, so that `after` carries them
    for (let step = 0; step < 25; step++) {
      const start = Math.floor(rand() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(rand() * 3));
      const written = rand() < 0.3 ? '' : pick(PIECES);
      const next = text.slice(0, start) + written + text.slice(end);
      marks = marks.after(next, { start, length: written.length });
      for (const m of MARKS) assert.equal(marks.has(m), next.includes(m), `${JSON.stringify(m)} in ${JSON.stringify(next)}`);
      text = next;
    }
  }
});

test('a mark absent before is looked for only where the edit wrote, not in the rest of the text', () => {
  // the unedited text is never searched again: a mark that a caller wrongly claims to be absent
  // from it stays unseen, which shows that the search was limited to the edit
  const text = 'a: 1\n# pigsty-lint-disable\nb: 2\n';
  const known = new TextMarks('a: 1\nb: 2\n');
  assert.equal(known.has('pigsty-lint-'), false);
  const afterEdit = known.after(text, { start: 5, length: 0 });
  assert.equal(afterEdit.has('pigsty-lint-'), false);
  // and where the edit wrote, it is found, also when it joins text on both sides of the edit
  assert.equal(known.after(text, { start: 12, length: 1 }).has('pigsty-lint-'), true);
  const absent = new TextMarks('x { y');
  assert.equal(absent.has('{{'), false);
  assert.equal(absent.after('x {{ y', { start: 3, length: 1 }).has('{{'), true);
});

test('a mark not asked about before is searched in the whole new text', () => {
  const fresh = new TextMarks('a: 1\n');
  assert.equal(fresh.after('{% raw %}\na: 1\n', { start: 0, length: 0 }).has('{%'), true);
});
