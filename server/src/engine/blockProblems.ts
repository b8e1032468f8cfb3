// Which YAML problems of a text belong to which top-level block (engine/blocks.ts), so that the
// keystroke path can keep the problems of the blocks it did not parse again and replace those of
// the one it did. A problem belongs to the block its start lies in; the end of the text belongs to
// the block that ends there.
import type { Block, BlockLayout } from './blocks';
import type { Finding } from './findings';

/** The block holding offset `at` (blocks are in text order and do not overlap). */
export function blockAt(layout: BlockLayout, at: number, textLength: number): Block | undefined {
  const i = blockIndexAt(layout, at, textLength);
  return i < 0 ? undefined : layout.blocks[i];
}

/** The index of the block holding offset `at`, or -1 (a binary search: a file has thousands of blocks). */
export function blockIndexAt(layout: BlockLayout, at: number, textLength: number): number {
  const { blocks } = layout;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  const i = Math.min(lo, blocks.length - 1);
  return i >= 0 && holds(blocks[i], at, textLength) ? i : -1;
}

/** Whether offset `at` is in the block: the end of the text belongs to the block that ends there (a problem at the end). */
function holds(b: Pick<Block, 'start' | 'end'>, at: number, textLength: number): boolean {
  return b.start <= at && (at < b.end || (at === b.end && b.end === textLength));
}

/** Whether two lists hold the same problems (place, severity, code and message), in any order. */
export function sameProblems(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  const key = (f: Finding) => `${f.span.start}:${f.span.end}:${f.severity}:${f.code}:${f.message}`;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.every((k, i) => k === kb[i]);
}

/** The text's YAML problems after the block (or a run of blocks) was parsed again: its own replaced, later ones moved. */
export function spliceProblems(before: readonly Finding[], block: Pick<Block, 'start' | 'end'>, own: Finding[], delta: number, oldLength: number): Finding[] {
  if (before.length === 0) return own;
  const out: Finding[] = [];
  for (const f of before) if (f.span.start < block.start) out.push(f);
  out.push(...own);
  for (const f of before) {
    if (f.span.start >= block.start && !holds(block, f.span.start, oldLength)) {
      out.push({ ...f, span: { start: f.span.start + delta, end: f.span.end + delta } });
    }
  }
  return out;
}
