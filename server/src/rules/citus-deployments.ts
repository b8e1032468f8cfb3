// Citus deployments: every set of PostgreSQL clusters that share `pg_mode: citus` and one `pg_shard`
// (the Patroni scope). Each cluster is one Citus group; `pg_group` 0 is the coordinator.
import { membersVersion, PgCluster } from '../engine/clusters';
import type { EffectiveValue, Resolver } from '../engine/resolve';
import { byMembers } from './byMembers';
import { isBlank } from './places';
import type { Rule, RuleContext } from './types';
import { judgedByUnit } from './units';

export interface CitusCluster {
  cluster: PgCluster;
  /** Effective `pg_shard` of the first member, or null when none is written. */
  shard: EffectiveValue | null;
  /** True when some member runs `pg_mode: citus`. */
  citus: boolean;
}

export interface CitusDeployment {
  /** The Patroni scope: `pg_shard`, or `pg_cluster` when `pg_shard` is missing (as `pg_id` does). */
  shard: string;
  clusters: CitusCluster[];
}

export function isCitusMember(resolver: Resolver, ip: string): boolean {
  return resolver.value(ip, 'pg_mode') === 'citus';
}

/** A `pg_group` as `pg_id` reads it (`|int`), or null when it is not a non-negative integer. */
export function groupNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value)) return Number(value);
  return null;
}

/** Computed once per analysis through ctx.memo, so that every rule using it counts what it read. */
export function citusDeployments(ctx: RuleContext): CitusDeployment[] {
  return ctx.memo('citus/deployments', () => computeDeployments(ctx));
}

// one list and one test for every rule: the engine finds the touched deployments once per version
const deploymentList = (ctx: RuleContext) => ctx.memo('citus/deployments-by-shard', () => new Map(citusDeployments(ctx).map((d) => [d.shard, d])));
const deploymentTouches = (d: CitusDeployment, hosts: ReadonlySet<string>) => d.clusters.some((c) => c.cluster.members.some((m) => hosts.has(m.ip)));
const deploymentVersion = (d: CitusDeployment) => d.clusters.map((c) => membersVersion(c.cluster)).join(',');

/** Each Citus deployment on its own: its findings depend on the values of its groups' members alone. */
export function eachCitusDeployment(judge: (ctx: RuleContext, deployment: CitusDeployment) => void): Pick<Rule, 'units' | 'check'> {
  return judgedByUnit<CitusDeployment>({ list: deploymentList, touches: deploymentTouches, version: deploymentVersion, judge });
}

/** What a cluster is to Citus: whether a member runs `pg_mode: citus`, and the shard it names. */
const classify = byMembers(['pg_mode', 'pg_shard'], (ctx, cluster): { citus: boolean; shard: EffectiveValue | null } => {
  const eff = ctx.resolver.explicit(cluster.members[0].ip, 'pg_shard');
  return {
    citus: cluster.members.some((m) => isCitusMember(ctx.resolver, m.ip)),
    shard: eff && !isBlank(eff.value) && typeof eff.value !== 'object' ? eff : null,
  };
});

function computeDeployments(ctx: RuleContext): CitusDeployment[] {
  const byShard = new Map<string, CitusDeployment>();
  const others: CitusCluster[] = [];
  for (const cluster of ctx.pgClusters().values()) {
    const { citus, shard } = classify(ctx, cluster);
    const entry: CitusCluster = { cluster, shard, citus };
    if (!citus) {
      if (shard) others.push(entry);
      continue;
    }
    const key = shard ? String(shard.value) : cluster.name;
    let dep = byShard.get(key);
    if (!dep) byShard.set(key, (dep = { shard: key, clusters: [] }));
    dep.clusters.push(entry);
  }
  // a plain cluster that names a Citus shard joins that deployment (and is told its pg_mode differs)
  for (const entry of others) byShard.get(String(entry.shard!.value))?.clusters.push(entry);
  return [...byShard.values()];
}

/** The effective `pg_group` of a cluster's members, each with where it is written. */
export function memberGroups(ctx: RuleContext, cluster: PgCluster): { ip: string; eff: EffectiveValue | undefined; group: number | null }[] {
  return cluster.members.map((m) => {
    const eff = ctx.resolver.explicit(m.ip, 'pg_group');
    return { ip: m.ip, eff, group: eff ? groupNumber(eff.value) : null };
  });
}
