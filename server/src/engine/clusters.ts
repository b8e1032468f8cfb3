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
 * The index of the previous version, brought up to date by difference: only the clusters of the
 * hosts the resolver worked out again (`reworked`) are rebuilt, the others keep their members.
 * For an edit that changed no `pg_cluster` and not the inventory's structure, so that every host
 * stays in its cluster, in the same order; otherwise, or if a cluster is missing, the full index.
 */
export function updatePgClusters(before: Map<string, PgCluster>, resolver: Resolver, reworked: Iterable<string>): Map<string, PgCluster> {
  const clusters = new Map<string, PgCluster>();
  for (const [name, cluster] of before) clusters.set(name, new Cluster(name, cluster.members));
  const rebuilt = new Set<string>();
  for (const ip of reworked) {
    const name = clusterName(resolver.explicit(ip, 'pg_cluster'));
    if (name === null) continue;
    const old = before.get(name);
    if (!old || !old.members.some((m) => m.ip === ip)) return indexPgClusters(resolver);
    if (rebuilt.has(name)) continue;
    rebuilt.add(name);
    const cluster = new Cluster(name);
    for (const member of old.members) {
      const eff = resolver.explicit(member.ip, 'pg_cluster');
      if (clusterName(eff) !== name) return indexPgClusters(resolver);
      cluster.members.push({ ip: member.ip, cluster: eff! });
    }
    clusters.set(name, cluster);
  }
  return clusters;
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
