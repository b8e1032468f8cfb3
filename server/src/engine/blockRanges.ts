// Every node range of a top-level block, gathered once into one list. After an edit, every offset in
// a later block moves by the same amount; walking each later block's tree for that was the largest
// cost of a keystroke on a long file (13 ms at 10,000 clusters), mostly spent following pointers
// from node to node. A list is walked without that, about six times faster. A block's nodes are
// never changed after parsing (an edit inside a block re-parses it into a new pair), so a pair's
// list stays complete for as long as the pair is in the document.
import { isPair } from 'yaml';

export type Range = [number, number, number];

const lists = new WeakMap<object, Range[]>();

/** The ranges below `pair` (its key, value and everything inside), gathered on first use. */
export function blockRanges(pair: { key: unknown; value: unknown }): Range[] {
  let list = lists.get(pair);
  if (list === undefined) {
    list = [];
    gather(pair.key, list);
    gather(pair.value, list);
    lists.set(pair, list);
  }
  return list;
}

/** Whether `pair`'s ranges were gathered: the range walk leaves such a pair to its list. */
export function hasBlockRanges(pair: object): boolean {
  return lists.has(pair);
}

/** Adds `delta` to each offset of each range. */
export function moveRanges(list: readonly Range[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const range = list[i];
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
}

interface Gathered {
  range?: Range | null;
  items?: unknown[];
}

function gather(node: unknown, out: Range[]): void {
  if (node === null || node === undefined) return;
  const n = node as Gathered;
  if (n.range) out.push(n.range);
  const items = n.items;
  if (items === undefined) return;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isPair(item)) {
      gather(item.key, out);
      gather(item.value, out);
    } else gather(item, out);
  }
}
