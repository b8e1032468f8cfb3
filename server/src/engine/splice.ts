// Putting a re-parsed block back into the document and the inventory model, without touching
// the rest: node ranges after the block move by the length change, and only the changed
// group's entries are rebuilt (the other groups keep their entries, values and nodes).
import { Document, Pair, Scalar, YAMLMap, isCollection, isPair } from 'yaml';
import type { Block } from './blocks';
import { blockRanges, hasBlockRanges, moveRanges } from './blockRanges';
import { buildInventory, GroupEntry, HostEntry, Inventory } from './model';

type Ranged = { range?: [number, number, number] | null };

/**
 * Adds `delta` to every range offset at or after `from`, below `node` (subtrees ending before are
 * skipped). `skip` is left alone, and so is every pair whose ranges were gathered (blockRanges.ts):
 * the caller moves those by their lists.
 */
function shiftRanges(node: unknown, from: number, delta: number, skip?: Pair): void {
  if (node === null || node === undefined || node === skip) return;
  if (isPair(node)) {
    shiftRanges(node.key, from, delta, skip);
    shiftRanges(node.value, from, delta, skip);
  } else shiftNode(node as Walked, from, delta, skip);
}

/** A node as the shift walks it: a range, and items when it is a collection. */
interface Walked {
  range?: [number, number, number] | null;
  items?: unknown[];
}

// The keystroke path's largest cost on a long file: every node after the edit is visited. So it
// reads the node's fields directly, and a map's or list's items are told apart by isPair alone.
function shiftNode(node: Walked, from: number, delta: number, skip?: Pair): void {
  const range = node.range;
  if (range) {
    if (range[2] < from) return; // ends before the edit: so does everything inside
    if (range[0] >= from) range[0] += delta;
    if (range[1] >= from) range[1] += delta;
    range[2] += delta;
  }
  const items = node.items;
  if (items === undefined) return;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isPair(item)) {
      if (item === skip || hasBlockRanges(item)) continue;
      if (item.key) shiftNode(item.key as Walked, from, delta, skip);
      if (item.value) shiftNode(item.value as Walked, from, delta, skip);
    } else if (item) shiftNode(item as Walked, from, delta, skip);
  }
}

/** Moves every range of a freshly parsed block by the block's offset in the whole text. */
export function placeRanges(node: unknown, offset: number): void {
  if (node === null || node === undefined) return;
  if (isPair(node)) {
    placeRanges(node.key, offset);
    placeRanges(node.value, offset);
    return;
  }
  const range = (node as Ranged).range;
  if (range) {
    range[0] += offset;
    range[1] += offset;
    range[2] += offset;
  }
  if (isCollection(node)) for (const item of node.items) placeRanges(item, offset);
}

/** Where a pair's value (else its key) ends: a block map ends where its last value ends. */
function pairEnd(pair: Pair): number {
  const node = ((pair.value ?? pair.key) as Ranged | null)?.range;
  return node ? node[2] : -1;
}

/** Text with every comment's words left out: its lines, their indentation, where comments stand. */
function linesShape(text: string): string {
  return text.includes('#') ? text.replace(/#[^\n]*/g, '#') : text;
}

/** The texts around a splice. */
export interface SpliceTexts {
  before: string;
  after: string;
  /** Where the key after the block starts (past its indentation) in `before`. */
  nextKey: number;
}

/**
 * Replaces the pairs of `blocks` (one block, or a run of consecutive groups) by `pairs` in the
 * document: ranges after the old blocks move by `delta`, and the maps that ended with the old last
 * pair end with the new last one. `later` are the pairs of the blocks after them, moved as a whole.
 * Returns false, with nothing changed, when an enclosing map or the document ends inside the blocks
 * in another way, or may in the new text: comment lines after the last value can take the end of
 * the maps around it up to the next key, so when those maps end with it, what follows it must be
 * the same lines as before (comments may say other words).
 */
export function spliceDocument(
  doc: Document.Parsed, blocks: readonly Block[], pairs: readonly Pair[], delta: number, later: readonly Pair[], texts: SpliceTexts,
): boolean {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const oldEnd = pairEnd(last.pair);
  const newEnd = pairEnd(pairs[pairs.length - 1]);
  const ends: [number, number, number][] = [...first.ancestors.map((m) => m.range!), doc.range as [number, number, number]];
  const inside = (v: number) => v >= first.start && v < last.end;
  for (const range of ends) {
    if ((inside(range[1]) && range[1] !== oldEnd) || (inside(range[2]) && range[2] !== oldEnd)) return false;
  }
  // which ends to move with the pair, told before the shift: a later offset moved by `delta` can land on `oldEnd`
  const withPair = ends.map((range) => [range[1] === oldEnd, range[2] === oldEnd]);
  // what follows the last value decides whether those maps take it: the same lines as before
  const endsWithPair = withPair.some(([value, node]) => value || node);
  if (endsWithPair && linesShape(texts.after.slice(newEnd, texts.nextKey + delta)) !== linesShape(texts.before.slice(oldEnd, texts.nextKey))) {
    return false;
  }
  if (delta !== 0) {
    for (const p of later) moveRanges(blockRanges(p), delta);
    // what lies outside the blocks: the maps around them, other top-level keys
    shiftRanges(doc.contents, last.end, delta, last.pair);
    const range = doc.range as [number, number, number];
    for (let i = 0; i < 3; i++) if (range[i] >= last.end) range[i] += delta;
  }
  ends.forEach((range, i) => {
    if (withPair[i][0]) range[1] = newEnd;
    if (withPair[i][1]) range[2] = newEnd;
  });
  first.parent.items.splice(first.index, blocks.length, ...pairs);
  return true;
}

/** The model of the spliced document, reusing every entry the edit cannot have changed. */
export function spliceInventory(prev: Inventory, blocks: readonly Block[], pairs: readonly Pair[]): Inventory {
  const doc = prev.doc!;
  const wrapped = (inner: Pair): Document.Parsed => {
    // a document that shares the real one's schema and options, holding `all: {<inner>}`
    const all = new YAMLMap();
    all.items = [inner];
    const root = new YAMLMap();
    root.items = [new Pair(new Scalar('all'), all)];
    return Object.create(doc, { contents: { value: root } }) as Document.Parsed;
  };
  if (blocks[0].kind === 'vars') {
    const mini = buildInventory(wrapped(pairs[0]));
    return { ...prev, varsKey: pairs[0].key as Scalar, varsNode: mini.varsNode, globalVars: mini.globalVars };
  }
  const holder = new YAMLMap();
  holder.items = [...pairs];
  const mini = buildInventory(wrapped(new Pair(new Scalar('children'), holder)));
  const first = prev.groups.findIndex((g) => g.depth === 1 && g.keyNode === blocks[0].pair.key);
  let last = first;
  for (const block of blocks) {
    if (prev.groups[last]?.keyNode !== block.pair.key) throw new Error(`group ${block.key} is missing from the model`);
    last++;
    while (last < prev.groups.length && prev.groups[last].depth > 1) last++;
  }
  const groups = [...prev.groups.slice(0, first), ...mini.groups, ...prev.groups.slice(last)];
  return { ...prev, groups, ...splicedIndexes(prev, prev.groups.slice(first, last), mini.groups, groups) };
}

/**
 * The indexes of `groups`, which are prev's with `old` replaced by `fresh`. When the edit kept every
 * group name and host key where it was, only the lists of the edited entries are replaced, each by
 * a copy holding the new entry where the old one was (a previous resolver compares its hosts' old
 * lists with the new ones). The previous model is consumed by the splice, so its maps are taken
 * over, not rebuilt: rebuilding them cost 9 ms a keystroke at 10,000 clusters. Otherwise they are
 * built again.
 */
function splicedIndexes(prev: Inventory, old: GroupEntry[], fresh: GroupEntry[], groups: GroupEntry[]): Pick<Inventory, 'groupsByName' | 'hostOccurrences'> {
  if (!sameKeys(old, fresh)) return indexes(groups);
  const { groupsByName, hostOccurrences } = prev;
  for (let i = 0; i < old.length; i++) {
    replaceIn(groupsByName, old[i].name, old[i], fresh[i]);
    const hosts = old[i].hosts;
    for (let j = 0; j < hosts.length; j++) replaceIn(hostOccurrences, hosts[j].ip, hosts[j], fresh[i].hosts[j]);
  }
  return { groupsByName, hostOccurrences };
}

/** The same groups by name and the same host keys, in the same order. */
function sameKeys(old: GroupEntry[], fresh: GroupEntry[]): boolean {
  if (old.length !== fresh.length) return false;
  for (let i = 0; i < old.length; i++) {
    const a = old[i];
    const b = fresh[i];
    if (a.name !== b.name || a.hosts.length !== b.hosts.length) return false;
    for (let j = 0; j < a.hosts.length; j++) if (a.hosts[j].ip !== b.hosts[j].ip) return false;
  }
  return true;
}

function replaceIn<T>(index: Map<string, T[]>, key: string, before: T, after: T): void {
  const list = index.get(key);
  const at = list ? list.indexOf(before) : -1;
  if (at < 0) throw new Error(`${key} is missing from the model's indexes`);
  const copy = list!.slice();
  copy[at] = after;
  index.set(key, copy);
}

/** groupsByName and hostOccurrences, in the order buildInventory fills them (groups in file order). */
function indexes(groups: GroupEntry[]): Pick<Inventory, 'groupsByName' | 'hostOccurrences'> {
  const groupsByName = new Map<string, GroupEntry[]>();
  const hostOccurrences = new Map<string, HostEntry[]>();
  for (const group of groups) {
    const same = groupsByName.get(group.name);
    if (same) same.push(group);
    else groupsByName.set(group.name, [group]);
    for (const host of group.hosts) {
      const seen = hostOccurrences.get(host.ip);
      if (seen) seen.push(host);
      else hostOccurrences.set(host.ip, [host]);
    }
  }
  return { groupsByName, hostOccurrences };
}
