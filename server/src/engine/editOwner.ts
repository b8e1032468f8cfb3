// Which block an edit belongs to. Comparing two texts says what changed but not always where: a
// line break typed at the end of a group's last line compares as one typed in front of the next
// group's key line, a blank line deleted before a key line as characters taken from that key
// line's indentation, and a key line typed or deleted above a key with the same beginning as
// characters of that key. Read that way the edit moves or renames the next group, and the
// keystroke path would parse more than it needs. The same edit read a few characters earlier lies
// at the end of the group before, where whole lines typed between two groups belong (blocks.ts).
import type { Block, BlockLayout } from './blocks';
import type { TextChange } from './incremental';
import { MAX_REGION_BLOCKS } from './parseRegion';
import { blockIndexAt } from './blockProblems';

/**
 * The blocks that hold `change` (old offsets of `before`), with the change as they see it: one block,
 * or a run of consecutive groups when the change reaches across group keys (or deletes from one
 * key line's start, which leaves what remains of that group to the one before); undefined when
 * the change lies outside the blocks or reaches across more than a region may hold.
 */
export function editOwner(layout: BlockLayout, change: TextChange, before: string): { blocks: Block[]; change: TextChange } | undefined {
  // up to the end of the key: `pg-new:` typed above `pg-next:` compares as typed after its `pg-ne`
  const k = blockIndexAt(layout, change.end, before.length);
  const keyLine = k >= 0 && change.end <= keyEnd(layout.blocks[k]) ? layout.blocks[k] : undefined;
  const earlier = keyLine && slideBack(change, before, change.end - keyLine.start);
  if (earlier) {
    // an insertion at the key line's start is the group's before when it ends a line; a deletion up to it already is
    const previous = layout.blocks[k - 1];
    const blocks = earlier.start !== earlier.end
      ? runOf(layout, earlier, before.length)
      : earlier.text.endsWith('\n') && previous?.end === earlier.start ? [previous] : [];
    if (blocks.length > 0) return { blocks, change: earlier };
  }
  const blocks = runOf(layout, change, before.length);
  return blocks.length > 0 ? { blocks, change } : undefined;
}

/** The consecutive blocks from the one holding the change's start to the one holding its end; none if they are not groups side by side. */
function runOf(layout: BlockLayout, change: TextChange, textLength: number): Block[] {
  const { blocks } = layout;
  const { start, end } = change;
  let i = blockIndexAt(layout, start, textLength);
  if (i < 0) return [];
  let j = i;
  while (end > blocks[j].end) {
    j++;
    if (j >= blocks.length || !sideBySide(blocks[j - 1], blocks[j])) return [];
  }
  if (end > start && start === blocks[i].start && i > 0 && sideBySide(blocks[i - 1], blocks[i])) i--;
  return j - i + 1 <= MAX_REGION_BLOCKS ? blocks.slice(i, j + 1) : [];
}

/** Two groups of the same map, the second starting where the first ends. */
function sideBySide(a: Block, b: Block): boolean {
  return a.kind === 'group' && b.kind === 'group' && a.parent === b.parent && a.end === b.start;
}

function keyEnd(block: Block): number {
  return (block.pair.key as { range: [number, number, number] }).range[1];
}

/**
 * The same change `by` characters earlier, when it is a pure insertion or deletion and the
 * characters it passes over repeat what it writes or removes (`x` typed after an `x` is an `x`
 * typed before it); null otherwise.
 */
export function slideBack(change: TextChange, before: string, by: number): TextChange | null {
  const inserts = change.start === change.end;
  if (!inserts && change.text !== '') return null;
  if (by > change.start) return null;
  let { start, end, text } = change;
  for (let i = 0; i < by; i++) {
    const passed = before.charCodeAt(start - 1);
    if (inserts ? passed !== text.charCodeAt(text.length - 1) : passed !== before.charCodeAt(end - 1)) return null;
    if (inserts) text = before[start - 1] + text.slice(0, -1);
    start--;
    end--;
  }
  return inserts ? { start, end: start, text } : { start, end, text };
}
