// "Set this parameter on the whole cluster": change each place it is written for these hosts, as long
// as that place holds only them; elsewhere write it per host.
import { isMap, isSeq, Node, YAMLMap } from 'yaml';
import type { Analysis } from '../engine/analyze';
import type { GroupEntry, VarEntry } from '../engine/model';
import { appendSeqItem, findMapPair, insertPair, replaceNode, setPair, TextEdit, yamlValue } from './edits';
import { pgOccurrence, setHostParam } from './hostEdits';

function groupHoldsOnly(g: GroupEntry, ips: Set<string>): boolean {
  const hosts = (x: GroupEntry): string[] => [...x.hosts.map((h) => h.ip), ...x.children.flatMap(hosts)];
  return hosts(g).every((ip) => ips.has(ip));
}

/** The group whose `vars` speak for exactly these hosts (where their pg_cluster is written), if any. */
export function clusterGroup(analysis: Analysis, ips: readonly string[]): GroupEntry | undefined {
  const set = new Set(ips);
  const e = analysis.resolver.explicit(ips[0], 'pg_cluster')?.entry;
  const g = e?.level === 'group' ? e.group : pgOccurrence(analysis, ips[0])?.group;
  return g && isMap(g.varsNode) && groupHoldsOnly(g, set) ? g : undefined;
}

export function setClusterParam(analysis: Analysis, ips: readonly string[], name: string, value: string | number | boolean): TextEdit[] {
  const text = analysis.parsed.text;
  const set = new Set(ips);
  const edits: TextEdit[] = [];
  const done = new Set<VarEntry>();
  const perHost: string[] = [];
  for (const ip of ips) {
    const e = analysis.resolver.explicit(ip, name)?.entry;
    const own = e && !e.mergedBy && e.writtenValueNode?.range;
    const fits = e && (e.level === 'host' || (e.level === 'group' && e.group && groupHoldsOnly(e.group, set)));
    if (e && own && fits) {
      if (!done.has(e)) edits.push(replaceNode(text, e.writtenValueNode!, yamlValue(value, e.valueNode)));
      done.add(e);
    } else perHost.push(ip);
  }
  if (perHost.length === ips.length && edits.length === 0) {
    const g = clusterGroup(analysis, ips);
    if (g) return [setPair(text, g.varsNode as never, name, value)];
  }
  for (const ip of perHost) {
    const e = setHostParam(analysis, ip, name, value);
    if (e) edits.push(e);
  }
  return edits;
}

/**
 * Makes sure list parameter `name` of these hosts holds `itemText`: appends to the written list when
 * only they use it, else writes `[ itemText ]` (plus `keep`, the current items) in the cluster's vars.
 */
export function appendToClusterList(analysis: Analysis, ips: readonly string[], name: string, itemText: string): TextEdit[] {
  const text = analysis.parsed.text;
  const entry = analysis.resolver.explicit(ips[0], name)?.entry;
  const node = entry?.writtenValueNode as Node | null | undefined;
  const alone = entry && !entry.mergedBy && (entry.level === 'host' || (entry.level === 'group' && entry.group && groupHoldsOnly(entry.group, new Set(ips))));
  if (alone && isSeq(node)) return [appendSeqItem(text, node, itemText)];
  const g = clusterGroup(analysis, ips);
  if (!g) return [];
  const current = analysis.resolver.value(ips[0], name);
  const items = Array.isArray(current) ? current : [];
  if (!items.every((x) => typeof x === 'string')) return [];
  const raw = `[ ${[...items.map((x) => yamlValue(x as string)), itemText].join(', ')} ]`;
  const map = g.varsNode as YAMLMap;
  const pair = findMapPair(map, name);
  const value = pair?.value as Node | null | undefined;
  return [value?.range ? replaceNode(text, value, raw) : insertPair(text, map, name, raw)];
}
