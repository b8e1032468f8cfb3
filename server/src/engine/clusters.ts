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
  anchor: Span;
}

export function indexPgClusters(resolver: Resolver): Map<string, PgCluster> {
  const clusters = new Map<string, PgCluster>();
  for (const ip of resolver.hostIps()) {
    const eff = resolver.explicit(ip, 'pg_cluster');
    if (!eff || eff.value === null || eff.value === undefined || typeof eff.value === 'object') continue;
    const name = String(eff.value);
    let cluster = clusters.get(name);
    if (!cluster) {
      cluster = { name, members: [], anchor: clusterAnchor(eff) };
      clusters.set(name, cluster);
    }
    cluster.members.push({ ip, cluster: eff });
  }
  return clusters;
}

function clusterAnchor(eff: EffectiveValue): Span {
  const entry = eff.entry!;
  if (entry.level === 'group' && entry.group && !entry.mergedBy) {
    return spanOf(entry.group.keyNode) ?? spanOf(entry.keyNode)!;
  }
  return spanOf(entry.valueNode) ?? spanOf(entry.keyNode)!;
}
