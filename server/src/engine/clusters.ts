// PostgreSQL cluster membership: the effective `pg_cluster` of each host, not its group name
// (Citus templates hold several clusters in one group).
import type { Span } from './findings';
import { spanOf } from './model';
import type { EffectiveValue, Resolver } from './resolve';

export interface PgMember {
  ip: string;
  /** The effective pg_cluster value and where it is written. */
  cluster: EffectiveValue;
}

export interface PgCluster {
  name: string;
  members: PgMember[];
  /** Where to report something the cluster as a whole lacks: its group key, or its pg_cluster value. */
  readonly anchor: Span;
}

// One object per cluster and version: the anchor is a span in that version's text, worked out
// once when first asked (rules ask for it many times); another version gets its own object.
class Cluster implements PgCluster {
  private place?: Span;

  constructor(
    readonly name: string,
    readonly members: PgMember[] = [],
  ) {}

  get anchor(): Span {
    return (this.place ??= clusterAnchor(this.members[0].cluster));
  }
}

export function indexPgClusters(resolver: Resolver): Map<string, PgCluster> {
  const clusters = new Map<string, Cluster>();
  for (const ip of resolver.hostIps()) {
    const eff = resolver.explicit(ip, 'pg_cluster');
    const name = clusterName(eff);
    if (name === null) continue;
    let cluster = clusters.get(name);
    if (!cluster) {
      cluster = new Cluster(name);
      clusters.set(name, cluster);
    }
    cluster.members.push({ ip, cluster: eff! });
  }
  return clusters;
}

/**
 * The index of the previous version, brought up to date by difference: only the hosts the resolver
 * worked out again (`reworked`, the others kept their values) may have changed cluster. The
 * clusters none of them was or is in keep their members list; the others are rebuilt from their
 * remaining members and the hosts that joined. For an edit that kept the inventory's structure;
 * the result equals `indexPgClusters(resolver)`, in the same order (test/unit/clusters.test.ts).
 */
export function updatePgClusters(before: Map<string, PgCluster>, resolver: Resolver, reworked: ReadonlySet<string>): Map<string, PgCluster> {
  // the reworked hosts by the cluster they are in now
  const now = new Map<string, PgMember[]>();
  for (const ip of reworked) {
    if (!resolver.host(ip)) continue; // gone since: it only leaves its cluster
    const eff = resolver.explicit(ip, 'pg_cluster');
    const name = clusterName(eff);
    if (name === null) continue;
    const list = now.get(name);
    if (list) list.push({ ip, cluster: eff! });
    else now.set(name, [{ ip, cluster: eff! }]);
  }
  const positionOf = (ip: string) => resolver.position(ip)!;
  const byPosition = (a: PgMember, b: PgMember) => positionOf(a.ip) - positionOf(b.ip);
  // clusters whose first member is the same host, not worked out again (so written where it was),
  // stay in the order of the previous index, which is the full build's (by where the first member
  // is first written); the others are placed among them
  const stay: Cluster[] = [];
  const placed: Cluster[] = [];
  for (const [name, cluster] of before) {
    const joined = now.get(name);
    now.delete(name);
    if (!joined && !cluster.members.some((m) => reworked.has(m.ip))) {
      stay.push(new Cluster(name, cluster.members));
      continue;
    }
    const members = rebuilt(cluster.members, joined ?? [], reworked, byPosition);
    if (members.length === 0) continue; // every member left: the clusters after it keep their order
    const first = members[0].ip;
    (first === cluster.members[0].ip && !reworked.has(first) ? stay : placed).push(new Cluster(name, members));
  }
  for (const [name, members] of now) placed.push(new Cluster(name, members.sort(byPosition)));
  const firstAt = (c: Cluster) => positionOf(c.members[0].ip);
  placed.sort((a, b) => firstAt(a) - firstAt(b));
  const clusters = new Map<string, PgCluster>();
  let p = 0;
  for (const c of stay) {
    for (; p < placed.length && firstAt(placed[p]) < firstAt(c); p++) clusters.set(placed[p].name, placed[p]);
    clusters.set(c.name, c);
  }
  for (; p < placed.length; p++) clusters.set(placed[p].name, placed[p]);
  return clusters;
}

/**
 * The last cluster index a version computed, with the hosts worked out again in each version since
 * (their resolvers' `reworked`): a version that never asks for its index (no cluster rule ran)
 * passes its predecessor's on, so that the next one still updates it by difference.
 */
export interface ClusterBase {
  index: Map<string, PgCluster>;
  since: readonly ReadonlySet<string>[];
}

/** `base` passed on by a version that worked out `reworked` again and computed no index. */
export function baseAfter(base: ClusterBase, reworked: ReadonlySet<string>): ClusterBase {
  // a long run of such versions (passwords typed for an hour) keeps one set of hosts, not one per version
  const since = base.since.length < 16 ? [...base.since, reworked] : [unionOf([...base.since, reworked])];
  return { index: base.index, since };
}

/** The index of a version whose resolver worked out `reworked` again, from `base`. */
export function updateFromBase(base: ClusterBase, resolver: Resolver, reworked: ReadonlySet<string>): Map<string, PgCluster> {
  return updatePgClusters(base.index, resolver, base.since.length ? unionOf([reworked, ...base.since]) : reworked);
}

/** Every host of `sets`, once. */
export function unionOf(sets: readonly ReadonlySet<string>[]): Set<string> {
  const all = new Set<string>();
  for (const hosts of sets) for (const ip of hosts) all.add(ip);
  return all;
}

/**
 * A cluster's members after an edit: those not reworked stay, in their order; `joined` are the
 * reworked hosts in it now. When those are the reworked members it had, each takes its place.
 */
function rebuilt(
  members: readonly PgMember[],
  joined: PgMember[],
  reworked: ReadonlySet<string>,
  byPosition: (a: PgMember, b: PgMember) => number,
): PgMember[] {
  const had = members.filter((m) => reworked.has(m.ip));
  if (had.length === joined.length && had.every((m) => joined.some((j) => j.ip === m.ip))) {
    const fresh = new Map(joined.map((j) => [j.ip, j]));
    return members.map((m) => fresh.get(m.ip) ?? m);
  }
  return [...members.filter((m) => !reworked.has(m.ip)), ...joined].sort(byPosition);
}

const memberListIds = new WeakMap<readonly PgMember[], number>();
let nextMemberListId = 0;

/**
 * A number for a cluster's members list: the index keeps a list from version to version only while
 * none of its hosts changed (updatePgClusters), so the number changes whenever the members do.
 */
export function membersVersion(cluster: PgCluster): number {
  let id = memberListIds.get(cluster.members);
  if (id === undefined) memberListIds.set(cluster.members, (id = ++nextMemberListId));
  return id;
}

function clusterName(eff: EffectiveValue | undefined): string | null {
  if (!eff || eff.value === null || eff.value === undefined || typeof eff.value === 'object') return null;
  return String(eff.value);
}

function clusterAnchor(eff: EffectiveValue): Span {
  const entry = eff.entry!;
  if (entry.level === 'group' && entry.group && !entry.mergedBy) {
    return spanOf(entry.group.keyNode) ?? spanOf(entry.keyNode)!;
  }
  return spanOf(entry.valueNode) ?? spanOf(entry.keyNode)!;
}
