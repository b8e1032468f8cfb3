// Which block an edit belongs to. Comparing two texts says what changed but not always where: a
// line break typed at the end of a group's last line compares as one typed in front of the next
// group's key line, and a blank line deleted before a key line as characters taken from that key
// line's indentation. Read that way the edit moves the next group's key, and the keystroke path
// would parse the whole text. The same edit read a few characters earlier lies at the end of the
// group before, where lines that are blank, comments or indented further belong (blocks.ts).
import { Block, BlockLayout, blockOf } from './blocks';
import type { TextChange } from './incremental';

/** The block that holds `change` (old offsets of `before`), with the change as that block sees it. */
export function editOwner(layout: BlockLayout, change: TextChange, before: string): { block: Block; change: TextChange } | undefined {
  const keyLine = layout.blocks.find((b) => b.start <= change.end && change.end <= b.start + b.indent);
  const earlier = keyLine && slideBack(change, before, change.end - keyLine.start);
  if (earlier) {
    // an insertion at the boundary is the group's before when it ends a line; a deletion up to it already is
    const block = earlier.start === earlier.end
      ? earlier.text.endsWith('\n') ? layout.blocks.find((b) => b.end === earlier.start) : undefined
      : blockOf(layout, earlier.start, earlier.end, before.length);
    if (block) return { block, change: earlier };
  }
  const block = blockOf(layout, change.start, change.end, before.length);
  return block && { block, change };
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
