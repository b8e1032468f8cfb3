// Answers about one PostgreSQL cluster that depend only on its members' values, kept from version
// to version: the cluster index keeps a cluster's members list while no member's values changed
// (engine/clusters.ts), so an answer stands as long as the list it was worked out for.
import type { PgCluster, PgMember } from '../engine/clusters';
import { readName } from '../engine/reads';
import type { RuleContext } from './types';

/**
 * `compute`, remembered by the cluster's members list. `names` are the parameters it reads: they
 * count as read whether or not the answer was known, so that the rules using it run again when one
 * of them changes.
 */
export function byMembers<T>(names: readonly string[], compute: (ctx: RuleContext, cluster: PgCluster) => T): (ctx: RuleContext, cluster: PgCluster) => T {
  const answers = new WeakMap<readonly PgMember[], T>();
  return (ctx, cluster) => {
    for (const name of names) readName(name);
    if (answers.has(cluster.members)) return answers.get(cluster.members)!;
    const answer = compute(ctx, cluster);
    answers.set(cluster.members, answer);
    return answer;
  };
}
