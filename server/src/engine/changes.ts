// What an edit inside one block (a top-level group, or all.vars) changed in the inventory model:
// the names of the parameters whose written text differs, or null when the structure changed
// (groups, hosts, their order, or where hosts/vars/children stand), in which case every rule
// runs again. Entries are compared by their text, key and value as written, so that `on` and
// `true`, or a re-quoted string, count as changes even where the parsed values are equal.
import type { Pair } from 'yaml';
import type { Block } from './blocks';
import type { GroupEntry, Inventory, VarEntry } from './model';

/** Parameters whose change moves values between layers for every host: as good as a structural change. */
const STRUCTURAL = new Set(['ansible_group_priority']);

export function changedParams(
  before: Inventory,
  after: Inventory,
  block: Block,
  pair: Pair,
  beforeText: string,
  afterText: string,
): Set<string> | null {
  const changed = new Set<string>();
  if (block.kind === 'vars') {
    diffVars(before.globalVars, after.globalVars, beforeText, afterText, changed);
  } else {
    const old = subtree(before.groups, block.pair.key);
    const now = subtree(after.groups, pair.key);
    if (!old || !now || shape(old) !== shape(now)) return null;
    for (let i = 0; i < old.length; i++) {
      diffVars(old[i].vars, now[i].vars, beforeText, afterText, changed);
      for (let j = 0; j < old[i].hosts.length; j++) diffVars(old[i].hosts[j].vars, now[i].hosts[j].vars, beforeText, afterText, changed);
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

function diffVars(
  before: Map<string, VarEntry>,
  after: Map<string, VarEntry>,
  beforeText: string,
  afterText: string,
  changed: Set<string>,
): void {
  // Map.prototype methods: the model's maps count reads, and this is no rule reading
  const names = new Set<string>([...Map.prototype.keys.call(before), ...Map.prototype.keys.call(after)]);
  for (const name of names) {
    const a = Map.prototype.get.call(before, name) as VarEntry | undefined;
    const b = Map.prototype.get.call(after, name) as VarEntry | undefined;
    const was = a && writtenText(a, beforeText);
    if (!a || !b || was === null || was !== writtenText(b, afterText) || a.mergedBy || b.mergedBy) changed.add(name);
  }
}

function writtenText(entry: VarEntry, text: string): string | null {
  const key = entry.keyNode.range;
  const end = ((entry.writtenValueNode ?? entry.keyNode) as { range?: [number, number, number] | null }).range;
  return key && end ? text.slice(key[0], end[1]) : null;
}
