// Edits in inventory terms: "set this parameter on this host / group", written where the value is
// already written when that place is the host's own, else as a new host-level key.
import type { Pair } from 'yaml';
import type { Analysis } from '../engine/analyze';
import type { GroupEntry, HostEntry, VarEntry } from '../engine/model';
import { pairOfKey, replaceNode, setInPairValue, setPair, TextEdit, yamlValue } from './edits';
import { isMap } from 'yaml';

/** Where a host's PostgreSQL identity lives: the occurrence in a group that gives it `pg_cluster` (else `pg_seq`). */
export function pgOccurrence(analysis: Analysis, ip: string): HostEntry | undefined {
  const view = analysis.resolver.host(ip);
  if (!view) return undefined;
  const cluster = analysis.resolver.explicit(ip, 'pg_cluster')?.entry;
  const byGroup = (e: VarEntry | null | undefined) =>
    e ? view.occurrences.find((o) => o === e.host || inGroup(o.group, e.group)) : undefined;
  return byGroup(analysis.resolver.explicit(ip, 'pg_seq')?.entry) ?? byGroup(cluster) ?? view.occurrences[view.occurrences.length - 1];
}

function inGroup(g: GroupEntry | undefined, target: GroupEntry | undefined): boolean {
  for (let x = g; x; x = x.parent) if (x === target) return true;
  return false;
}

/** The map pair `ip: {...}` of one host occurrence. */
export function hostPair(occ: HostEntry): Pair | undefined {
  return pairOfKey(occ.group.hostsNode, occ.keyNode);
}

/**
 * Sets `name` for host `ip`: replaces the value when the host itself writes it (not through `<<`),
 * else adds a host-level key in `occurrence` (default: the occurrence holding its pg identity).
 */
export function setHostParam(
  analysis: Analysis,
  ip: string,
  name: string,
  value: string | number | boolean,
  occurrence?: HostEntry,
): TextEdit | undefined {
  const text = analysis.parsed.text;
  const view = analysis.resolver.host(ip);
  if (!view) return undefined;
  const own = [...view.occurrences].reverse().find((o) => o.vars.get(name) && !o.vars.get(name)!.mergedBy);
  const entry = own?.vars.get(name);
  if (entry && entry.writtenValueNode?.range) return replaceNode(text, entry.writtenValueNode, yamlValue(value, entry.valueNode));
  if (entry && own && isMap(own.valueNode)) return setPair(text, own.valueNode, name, value);
  const occ = occurrence ?? pgOccurrence(analysis, ip);
  const pair = occ && hostPair(occ);
  return pair ? setInPairValue(text, pair, name, value) : undefined;
}

/** Sets `name` in a group's `vars` (which must be a map). */
export function setGroupParam(analysis: Analysis, group: GroupEntry, name: string, value: string | number | boolean): TextEdit | undefined {
  if (!isMap(group.varsNode)) return undefined;
  return setPair(analysis.parsed.text, group.varsNode, name, value);
}

/** The variable entry written at `offset` (its key or value), anywhere in the inventory. */
export function entryAt(analysis: Analysis, offset: number): VarEntry | undefined {
  const inv = analysis.inventory;
  const maps: Map<string, VarEntry>[] = [inv.globalVars, ...inv.groups.map((g) => g.vars)];
  for (const hosts of inv.hostOccurrences.values()) for (const h of hosts) maps.push(h.vars);
  for (const m of maps) {
    for (const e of m.values()) {
      for (const n of [e.keyNode, e.valueNode]) {
        if (n?.range && n.range[0] <= offset && offset < Math.max(n.range[1], n.range[0] + 1)) return e;
      }
    }
  }
  return undefined;
}

/** The smallest integer above every number in `used` (at least `min`). */
export function nextFree(used: Iterable<unknown>, min = 1): number {
  let max = min - 1;
  for (const u of used) {
    const n = typeof u === 'number' ? u : typeof u === 'string' && /^\d+$/.test(u) ? Number(u) : NaN;
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}
