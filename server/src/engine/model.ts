// The inventory as Ansible sees it: all.vars, groups, hosts, group vars and host vars,
// each value with the YAML node it came from. Tolerant: whatever is malformed is skipped here
// and reported by the structure rules, which look at the same nodes.
import { Document, Node, Pair, Scalar, YAMLMap, isAlias, isMap, isScalar } from 'yaml';
import type { Span } from './findings';
import { isAnchorFree } from './fastParse';
import { NOT_PLAIN, plainValue } from './plainValue';
import { readEverything, VarMap } from './reads';

export type Level = 'global' | 'group' | 'host';

export interface VarEntry {
  name: string;
  /** The key as written; for keys brought in by `<<: *anchor`, the key inside the anchor. */
  keyNode: Scalar;
  /** The value with aliases followed; null for an empty value. */
  valueNode: Node | null;
  /** The node written at this place (an alias stays an alias here). */
  writtenValueNode: Node | null;
  value: unknown;
  level: Level;
  group?: GroupEntry;
  host?: HostEntry;
  /** The `<<` key that merged this entry in, when it came from an anchor. */
  mergedBy?: Scalar;
}

export interface GroupEntry {
  name: string;
  keyNode: Scalar;
  node: Node | null;
  hostsKey: Scalar | null;
  hostsNode: Node | null;
  varsKey: Scalar | null;
  varsNode: Node | null;
  childrenNode: Node | null;
  hosts: HostEntry[];
  vars: Map<string, VarEntry>;
  /** 1 for a child of `all`, 2 for its children, ... */
  depth: number;
  parent?: GroupEntry;
  children: GroupEntry[];
}

export interface HostEntry {
  ip: string;
  keyNode: Scalar;
  valueNode: Node | null;
  group: GroupEntry;
  vars: Map<string, VarEntry>;
}

export interface Inventory {
  doc: Document.Parsed | undefined;
  allKey: Scalar | null;
  allNode: Node | null;
  varsKey: Scalar | null;
  varsNode: Node | null;
  childrenKey: Scalar | null;
  childrenNode: Node | null;
  globalVars: Map<string, VarEntry>;
  groups: GroupEntry[];
  groupsByName: Map<string, GroupEntry[]>;
  /** Every place a host key is written, in file order. */
  hostOccurrences: Map<string, HostEntry[]>;
}

const MAX_ALIAS_COUNT = 1000;

export function keyText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof node.source === 'string') return node.source;
  return v === null || v === undefined ? null : String(v);
}

export function isMergeKey(node: unknown): boolean {
  return isScalar(node) && (node.source === '<<' || typeof node.value === 'symbol');
}

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | null {
  if (!node || !node.range) return null;
  return { start: node.range[0], end: node.range[1] };
}

/** The hosts written in a group and in its child groups, each once, in file order. */
export function hostsUnder(group: GroupEntry): string[] {
  const ips = new Set<string>();
  const walk = (g: GroupEntry) => {
    for (const h of g.hosts) ips.add(h.ip);
    for (const c of g.children) walk(c);
  };
  walk(group);
  return [...ips];
}

export function resolveAlias(doc: Document.Parsed | undefined, node: unknown): Node | null {
  let current: unknown = node;
  for (let hops = 0; isAlias(current) && hops < 32; hops++) {
    current = doc ? current.resolve(doc) : undefined;
  }
  return (current as Node | undefined) ?? null;
}

export function nodeValue(doc: Document.Parsed | undefined, node: Node | null): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value;
  if (doc && isAnchorFree(doc)) {
    const plain = plainValue(node);
    if (plain !== NOT_PLAIN) return plain;
  }
  try {
    return doc ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : undefined;
  } catch {
    return undefined;
  }
}

/** The key/value pairs of a map, with `<<` merge keys expanded (later explicit keys win). */
export function mapPairs(
  doc: Document.Parsed | undefined,
  map: YAMLMap,
  within: ReadonlySet<YAMLMap> = new Set(),
): { pair: Pair; mergedBy?: Scalar }[] {
  const out: { pair: Pair; mergedBy?: Scalar }[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      const sources = isMap(resolveAlias(doc, pair.value))
        ? [resolveAlias(doc, pair.value)]
        : ((pair.value as { items?: unknown[] } | null)?.items ?? []).map((n) => resolveAlias(doc, n));
      // a merged map may merge others in turn (PyYAML flattens them); a cycle or deep chain stops
      const path = new Set(within).add(map);
      for (const src of sources) {
        if (isMap(src) && !path.has(src) && path.size < 16) {
          for (const inner of mapPairs(doc, src, path)) out.push({ pair: inner.pair, mergedBy: pair.key as Scalar });
        }
      }
    } else {
      out.push({ pair });
    }
  }
  return out;
}

/** Finds `key` in a map (no merge), returning the key scalar and the value node. */
export function findPair(map: Node | null, key: string): { key: Scalar; value: Node | null } | null {
  if (!isMap(map)) return null;
  let found: { key: Scalar; value: Node | null } | null = null;
  for (const pair of map.items) {
    if (keyText(pair.key) === key) found = { key: pair.key as Scalar, value: (pair.value as Node) ?? null };
  }
  return found;
}

export function buildInventory(doc: Document.Parsed | undefined): Inventory {
  const inv: Inventory = {
    doc,
    allKey: null,
    allNode: null,
    varsKey: null,
    varsNode: null,
    childrenKey: null,
    childrenNode: null,
    globalVars: new VarMap(),
    groups: [],
    groupsByName: new Map(),
    hostOccurrences: new Map(),
  };
  const root = doc?.contents ?? null;
  const all = findPair(root as Node | null, 'all');
  if (!all) return inv;
  inv.allKey = all.key;
  inv.allNode = resolveAlias(doc, all.value);
  const vars = findPair(inv.allNode, 'vars');
  if (vars) {
    inv.varsKey = vars.key;
    inv.varsNode = resolveAlias(doc, vars.value);
    readVars(doc, inv.varsNode, 'global', inv.globalVars, {});
  }
  const children = findPair(inv.allNode, 'children');
  if (children) {
    inv.childrenKey = children.key;
    inv.childrenNode = resolveAlias(doc, children.value);
    readGroups(inv, inv.childrenNode, 1, undefined);
  }
  return inv;
}

// A rule that walks a group's or a host's raw YAML reads everything in it (engine/reads.ts): the
// raw nodes are behind getters that say so. The rest of the engine reads them freely.

class Group implements GroupEntry {
  readonly hosts: HostEntry[] = [];
  readonly vars = new VarMap<VarEntry>();
  readonly children: GroupEntry[] = [];

  constructor(
    readonly name: string,
    readonly keyNode: Scalar,
    readonly depth: number,
    readonly parent: GroupEntry | undefined,
    readonly hostsKey: Scalar | null,
    readonly varsKey: Scalar | null,
    private readonly raw: { node: Node | null; hostsNode: Node | null; varsNode: Node | null; childrenNode: Node | null },
  ) {}

  get node(): Node | null {
    readEverything();
    return this.raw.node;
  }

  get hostsNode(): Node | null {
    readEverything();
    return this.raw.hostsNode;
  }

  get varsNode(): Node | null {
    readEverything();
    return this.raw.varsNode;
  }

  get childrenNode(): Node | null {
    readEverything();
    return this.raw.childrenNode;
  }
}

class Host implements HostEntry {
  readonly vars = new VarMap<VarEntry>();

  constructor(
    readonly ip: string,
    readonly keyNode: Scalar,
    readonly group: GroupEntry,
    private readonly rawValue: Node | null,
  ) {}

  get valueNode(): Node | null {
    readEverything();
    return this.rawValue;
  }
}

function readGroups(inv: Inventory, node: Node | null, depth: number, parent: GroupEntry | undefined): void {
  if (!isMap(node) || depth > 16) return;
  for (const pair of node.items) {
    const name = keyText(pair.key);
    if (name === null) continue;
    const groupNode = resolveAlias(inv.doc, pair.value);
    const hosts = findPair(groupNode, 'hosts');
    const vars = findPair(groupNode, 'vars');
    const children = findPair(groupNode, 'children');
    const group = new Group(name, pair.key as Scalar, depth, parent, hosts?.key ?? null, vars?.key ?? null, {
      node: groupNode,
      hostsNode: hosts ? resolveAlias(inv.doc, hosts.value) : null,
      varsNode: vars ? resolveAlias(inv.doc, vars.value) : null,
      childrenNode: children ? resolveAlias(inv.doc, children.value) : null,
    });
    inv.groups.push(group);
    parent?.children.push(group);
    const sameName = inv.groupsByName.get(name);
    if (sameName) sameName.push(group);
    else inv.groupsByName.set(name, [group]);
    readVars(inv.doc, group.varsNode, 'group', group.vars, { group });
    readHosts(inv, group);
    readGroups(inv, group.childrenNode, depth + 1, group);
  }
}

function readHosts(inv: Inventory, group: GroupEntry): void {
  if (!isMap(group.hostsNode)) return;
  for (const pair of group.hostsNode.items) {
    const ip = keyText(pair.key);
    if (ip === null || isMergeKey(pair.key)) continue;
    const host = new Host(ip, pair.key as Scalar, group, resolveAlias(inv.doc, pair.value));
    readVars(inv.doc, host.valueNode, 'host', host.vars, { group, host });
    group.hosts.push(host);
    const seen = inv.hostOccurrences.get(ip);
    if (seen) seen.push(host);
    else inv.hostOccurrences.set(ip, [host]);
  }
}

function readVars(
  doc: Document.Parsed | undefined,
  node: Node | null,
  level: Level,
  into: Map<string, VarEntry>,
  owner: { group?: GroupEntry; host?: HostEntry },
): void {
  if (!isMap(node)) return;
  for (const { pair, mergedBy } of mapPairs(doc, node)) {
    const name = keyText(pair.key);
    if (name === null) continue;
    // YAML merge: a key written in the map beats a merged one; among merged sources the first wins
    if (mergedBy && into.has(name)) continue;
    const written = (pair.value as Node | null) ?? null;
    const valueNode = resolveAlias(doc, written);
    into.set(name, {
      name,
      keyNode: pair.key as Scalar,
      valueNode,
      writtenValueNode: written,
      value: nodeValue(doc, valueNode),
      level,
      group: owner.group,
      host: owner.host,
      mergedBy,
    });
  }
}
