// Edits next to a group's key line: compared texts place them in the key line's indentation, the
// keystroke path reads them at the end of the group before (server/src/engine/editOwner.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { blockLayout, BlockLayout } from '../../server/src/engine/blocks';
import { editOwner, slideBack } from '../../server/src/engine/editOwner';
import { diffTexts, reanalyze } from '../../server/src/engine/incremental';
import { assertSame } from '../helpers/replay';
import { dedent } from '../helpers/ruleTester';

const TEXT = dedent(`
  all:
    children:
      pg-test:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-test }
      pg-next:
        hosts:
          10.10.10.12: { pg_seq: 1, pg_role: primary }
        vars: { pg_cluster: pg-next }
      etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
    vars:
      admin_ip: 10.10.10.10
`);

const LAST_LINE = '      vars: { pg_cluster: pg-test }\n';
/** The start of pg-next's key line, where pg-test's block ends. */
const BOUNDARY = TEXT.indexOf(LAST_LINE) + LAST_LINE.length;

function layout(text: string): BlockLayout {
  const result = blockLayout(analyze(text).parsed);
  assert.ok(typeof result !== 'string', String(result));
  return result;
}

/** The keys of the blocks an edit belongs to. */
function keyOf(blocks: { key: string }[] | undefined): string | undefined {
  return blocks?.map((b) => b.key).join(', ');
}

test('slideBack moves an insertion or a deletion over characters that repeat it, and no further', () => {
  // `x` typed after `ax` is `x` typed after `a`
  assert.deepEqual(slideBack({ start: 2, end: 2, text: 'x' }, 'axb', 1), { start: 1, end: 1, text: 'x' });
  // `\n    ` typed after `\n    ` (Enter with the indentation kept) is the same piece rotated
  assert.deepEqual(slideBack({ start: 5, end: 5, text: '  \n    ' }, '\n    k', 4), { start: 1, end: 1, text: '      \n' });
  // deleting `b` of `abb` is deleting the first `b`
  assert.deepEqual(slideBack({ start: 2, end: 3, text: '' }, 'abb', 1), { start: 1, end: 2, text: '' });
  assert.equal(slideBack({ start: 2, end: 2, text: 'x' }, 'ayb', 1), null, 'the passed character differs');
  assert.equal(slideBack({ start: 1, end: 2, text: 'z' }, 'ab', 0), null, 'a replacement is left where it is');
  assert.equal(slideBack({ start: 1, end: 1, text: 'x' }, 'x', 2), null, 'not past the start of the text');
});

test('Enter at the end of a group\'s last line belongs to that group, not to the next group\'s key line', () => {
  // VS Code sends a line break and the indentation kept; the comparison finds them in pg-next's indentation
  const after = TEXT.slice(0, BOUNDARY - 1) + '\n        ' + TEXT.slice(BOUNDARY - 1);
  const change = diffTexts(TEXT, after);
  assert.ok(change.start > BOUNDARY, 'the compared texts place the edit on the next key line');
  const owner = editOwner(layout(TEXT), change, TEXT);
  assert.equal(keyOf(owner?.blocks), 'pg-test');
  assert.deepEqual(owner?.change, { start: BOUNDARY, end: BOUNDARY, text: '        \n' });
  const result = reanalyze(analyze(TEXT), after);
  assert.equal(result.mode, 'block', result.reason);
  assertSame(result.analysis, after, 'after Enter');
});

test('a blank line deleted, a line break or a comment line typed before a group\'s key line take the block path', () => {
  const blank = TEXT.slice(0, BOUNDARY) + '\n' + TEXT.slice(BOUNDARY);
  const cases: [string, string, string][] = [
    ['a line break at the start of the key line', TEXT, blank],
    ['the blank line deleted again', blank, TEXT],
    ['a comment line pasted above the key line', TEXT, TEXT.slice(0, BOUNDARY) + '    # the next cluster\n' + TEXT.slice(BOUNDARY)],
    ['a key typed on a new last line', TEXT, TEXT.slice(0, BOUNDARY) + '      children: {}\n' + TEXT.slice(BOUNDARY)],
  ];
  for (const [what, before, after] of cases) {
    const result = reanalyze(analyze(before), after);
    assert.equal(result.mode, 'block', `${what}: ${result.reason}`);
    assertSame(result.analysis, after, `after ${what}`);
  }
});

test('a group key typed before a group\'s key line belongs to the group before, and an edit not next to a key line keeps its place', () => {
  // compared, `pg-new:` and a line break come after the `pg-ne` of `pg-next:`: read before the key
  // line, the new key line is parsed with pg-test, as a second key beside it (regroup.ts)
  const typed = TEXT.slice(0, BOUNDARY) + '    pg-new:\n' + TEXT.slice(BOUNDARY);
  assert.ok(diffTexts(TEXT, typed).start > BOUNDARY + 4);
  const read = editOwner(layout(TEXT), diffTexts(TEXT, typed), TEXT);
  assert.equal(keyOf(read?.blocks), 'pg-test');
  assert.deepEqual(read?.change, { start: BOUNDARY, end: BOUNDARY, text: '    pg-new:\n' });
  const result = reanalyze(analyze(TEXT), typed);
  assert.equal(result.mode, 'groups');
  assertSame(result.analysis, typed, 'after a new group key');
  // a character typed in the middle of a value is where the comparison puts it
  const blocks = layout(TEXT);
  const at = TEXT.indexOf('pg_seq: 1');
  const change = { start: at, end: at, text: 'x' };
  const inValue = editOwner(blocks, change, TEXT);
  assert.equal(keyOf(inValue?.blocks), 'pg-test');
  assert.equal(inValue?.change, change);
  // no group before the first one: an insertion in front of its key line stays with it
  const first = TEXT.indexOf('    pg-test:');
  const owner = editOwner(blocks, { start: first, end: first, text: '\n' }, TEXT);
  assert.equal(keyOf(owner?.blocks), 'pg-test');
});
