// Group keys written twice under `all.children`. `yaml` reports each key that repeats an earlier
// sibling's as a problem at that key, a problem no group parsed alone shows: the keystroke path
// works these out from the block layout instead, so that a group pasted as a copy of another (the
// usual way to add a cluster) does not make every keystroke parse the whole text until renamed.
import type { Scalar } from 'yaml';
import { blockAt } from './blockProblems';
import type { Block, BlockLayout } from './blocks';
import type { Finding } from './findings';
import { duplicateKeyProblem } from './parse';

/** Where a group block's key starts. */
function keyStart(b: Block): number {
  return (b.pair.key as Scalar).range![0];
}

/**
 * The problems `yaml` reports for the group keys of `layout` that repeat an earlier sibling's, in
 * text order; or why they cannot be told from the layout. yaml puts such a problem at the key when
 * the line before it ends with a value, but at the end of that line when it ends with an empty one
 * (`x:`, `-`, a lone tag), inside the group before: that case is left to a full parse.
 */
export function duplicateGroupProblems(layout: BlockLayout, text: string): Finding[] | string {
  const seen = new Map<unknown, Set<unknown>>();
  const out: Finding[] = [];
  for (const b of layout.blocks) {
    if (b.kind !== 'group') continue;
    const value = (b.pair.key as Scalar).value;
    let names = seen.get(b.parent);
    if (!names) seen.set(b.parent, (names = new Set()));
    // yaml compares scalar keys by value (===: `.nan` never repeats), and lets a merge key repeat
    if (names.has(value) && value !== '<<' && !Number.isNaN(value)) {
      if (!endsWithValue(text, b.start)) return 'a repeated group key follows an empty value';
      out.push(duplicateKeyProblem(keyStart(b), text.length));
    }
    names.add(value);
  }
  return out;
}

/**
 * Whether the last line with content before offset `lineStart` ends with a value or a comment, so
 * that yaml reports a repeated key on the next line at the key itself. Judged by the line's last
 * word, conservatively: a word that may be an empty node or only a tag or anchor says no.
 */
export function endsWithValue(text: string, lineStart: number): boolean {
  // the lines before, last first; each ends at `end` with its line break
  let end = lineStart;
  while (end > 0) {
    const start = end >= 2 ? text.lastIndexOf('\n', end - 2) + 1 : 0;
    const line = text.slice(start, end).trim();
    if (line !== '') {
      if (line.startsWith('#')) return true;
      const word = line.slice(line.search(/\S+$/));
      return /[A-Za-z0-9_.}\]'")]$/.test(word) && !/^[!&*]/.test(word);
    }
    end = start;
  }
  return true;
}

/** The block after `b` repeats a key and the edit left `b` ending with what could be an empty value: a full parse places its problem. */
export function repeatAfterMayMove(layout: BlockLayout, b: Block, syntax: readonly Finding[], text: string, delta: number): boolean {
  if (syntax.length === 0) return false;
  const next = layout.blocks[layout.blocks.indexOf(b) + 1];
  return next !== undefined && duplicateProblemOf(next, syntax).length > 0 && !endsWithValue(text, next.start + delta);
}

/** Whether `f` is a repeated group key's problem: yaml's, at the start of a group block's key. */
export function isDuplicateGroupProblem(f: Finding, layout: BlockLayout, textLength: number): boolean {
  if (f.code !== 'yaml/duplicate-key') return false;
  const b = blockAt(layout, f.span.start, textLength);
  return b !== undefined && b.kind === 'group' && keyStart(b) === f.span.start;
}

/** The repeated group key problem of block `b` among `syntax`, if any (the block path keeps it while the key stays). */
export function duplicateProblemOf(b: Block, syntax: readonly Finding[]): Finding[] {
  if (b.kind !== 'group') return [];
  const at = keyStart(b);
  return syntax.filter((f) => f.code === 'yaml/duplicate-key' && f.span.start === at);
}
