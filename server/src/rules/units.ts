// Rules that judge one unit at a time: each PostgreSQL cluster, or each Citus deployment
// (rules/citus-deployments.ts). The engine judges again only the units an edit may have changed.
import { membersVersion, PgCluster } from '../engine/clusters';
import type { Rule, RuleContext, RuleUnits } from './types';

/** `units` and the `check` that judges every unit in order, for a rule's definition. */
export function judgedByUnit<U>(units: RuleUnits<U>): Pick<Rule, 'units' | 'check'> {
  return {
    units: units as RuleUnits<unknown>,
    check(ctx) {
      for (const unit of units.list(ctx).values()) units.judge(ctx, unit);
    },
  };
}

// one test for every list of clusters: the engine finds the touched clusters once per version and list
const clusterTouches = (cluster: PgCluster, hosts: ReadonlySet<string>) => cluster.members.some((m) => hosts.has(m.ip));
const allClusters = (ctx: RuleContext) => ctx.pgClusters();

/** Each cluster of `list` on its own: its findings depend on its members' values alone. */
export function eachOfClusters(
  list: (ctx: RuleContext) => ReadonlyMap<string, PgCluster>,
  judge: (ctx: RuleContext, cluster: PgCluster) => void,
): Pick<Rule, 'units' | 'check'> {
  return judgedByUnit<PgCluster>({ list, touches: clusterTouches, version: membersVersion, judge });
}

/** Each PostgreSQL cluster on its own. */
export function eachPgCluster(judge: (ctx: RuleContext, cluster: PgCluster) => void): Pick<Rule, 'units' | 'check'> {
  return eachOfClusters(allClusters, judge);
}
