// What an edit inside one block (a top-level group, or all.vars) changed in the inventory model:
// the names of the parameters whose written text differs, or null when the structure changed
// (groups, hosts, their order, or where hosts/vars/children stand), in which case every rule
// runs again. Entries are compared by their text, key and value as written, so that `on` and
// `true`, or a re-quoted string, count as changes even where the parsed values are equal.
import type { Pair } from 'yaml';
import type { Block } from './blocks';
import type { GroupEntry, Inventory, VarEntry } from './model';
import type { TextEdit } from './findings';

/** Parameters whose change moves values between layers for every host: as good as a structural change. */
const STRUCTURAL = new Set(['ansible_group_priority']);

export function changedParams(
  before: Inventory,
  after: Inventory,
  block: Block,
  pair: Pair,
  beforeText: string,
  afterText: string,
  edit: TextEdit,
): Set<string> | null {
  const changed = new Set<string>();
  const texts = { beforeText, afterText, edit };
  if (block.kind === 'vars') {
    diffVars(before.globalVars, after.globalVars, texts, changed);
  } else {
    const old = subtree(before.groups, block.pair.key);
    const now = subtree(after.groups, pair.key);
    if (!old || !now || shape(old) !== shape(now)) return null;
    for (let i = 0; i < old.length; i++) {
      diffVars(old[i].vars, now[i].vars, texts, changed);
      for (let j = 0; j < old[i].hosts.length; j++) diffVars(old[i].hosts[j].vars, now[i].hosts[j].vars, texts, changed);
    }
  }
  for (const name of changed) if (STRUCTURAL.has(name)) return null;
  return changed;
}

/** The top-level group whose key is `key`, then its descendants, as in the model's file order. */
export function subtree(groups: readonly GroupEntry[], key: unknown): GroupEntry[] | null {
  const first = groups.findIndex((g) => g.depth === 1 && g.keyNode === key);
  if (first < 0) return null;
  let last = first + 1;
  while (last < groups.length && groups[last].depth > 1) last++;
  return groups.slice(first, last);
}

/** Everything about groups and hosts that is not a parameter value. */
function shape(groups: readonly GroupEntry[]): string {
  return JSON.stringify(
    groups.map((g) => [
      g.name,
      g.depth,
      g.parent?.name ?? null,
      g.hostsKey !== null,
      g.varsKey !== null,
      g.children.map((c) => c.name),
      g.hosts.map((h) => h.ip),
    ]),
  );
}

/** The texts an edit turned one into the other, and the edit: old offsets [start, end) replaced by `length` characters. */
interface EditTexts {
  beforeText: string;
  afterText: string;
  edit: TextEdit;
}

function diffVars(before: Map<string, VarEntry>, after: Map<string, VarEntry>, texts: EditTexts, changed: Set<string>): void {
  // Map.prototype methods: the model's maps count reads, and this is no rule reading
  const names = new Set<string>([...Map.prototype.keys.call(before), ...Map.prototype.keys.call(after)]);
  for (const name of names) {
    const a = Map.prototype.get.call(before, name) as VarEntry | undefined;
    const b = Map.prototype.get.call(after, name) as VarEntry | undefined;
    const was = a && writtenText(a, texts.beforeText);
    if (!a || !b || was === null || was !== writtenText(b, texts.afterText) || a.mergedBy || b.mergedBy || !inStep(a, b, texts.edit)) changed.add(name);
  }
}

/**
 * Whether the entry stands where the edit moved it: the same text written again elsewhere (a line
 * pasted under a key it repeats) makes the later one the value, and findings on the entry must
 * move to it, which carrying them over by the edit would not do.
 */
function inStep(a: VarEntry, b: VarEntry, edit: TextEdit): boolean {
  const was = a.keyNode.range?.[0];
  const now = b.keyNode.range?.[0];
  if (was === undefined || now === undefined) return false;
  if (was < edit.start) return now === was;
  return was >= edit.end && now === was + edit.length - (edit.end - edit.start);
}

function writtenText(entry: VarEntry, text: string): string | null {
  const key = entry.keyNode.range;
  const end = ((entry.writtenValueNode ?? entry.keyNode) as { range?: [number, number, number] | null }).range;
  return key && end ? text.slice(key[0], end[1]) : null;
}
