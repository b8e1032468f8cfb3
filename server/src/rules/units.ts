// Rules that judge one unit at a time: each PostgreSQL cluster, or each Citus deployment
// (rules/citus-deployments.ts). The engine judges again only the units an edit may have changed.
import type { PgCluster } from '../engine/clusters';
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

// one function for every rule: the engine finds the touched clusters once per version
const clusterList = (ctx: RuleContext) => ctx.pgClusters();
const clusterTouches = (cluster: PgCluster, hosts: ReadonlySet<string>) => cluster.members.some((m) => hosts.has(m.ip));

/** Each PostgreSQL cluster on its own: its findings depend on its members' values alone. */
export function eachPgCluster(judge: (ctx: RuleContext, cluster: PgCluster) => void): Pick<Rule, 'units' | 'check'> {
  return judgedByUnit<PgCluster>({ list: clusterList, touches: clusterTouches, judge });
}
