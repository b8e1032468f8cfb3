// Where a parameter belongs: Pigsty's level codes (G global, C cluster, I instance, A action
// argument) and the few placements that break a deployment (rules-reference §1.3).
import type { Level } from '../engine/model';
import type { ParamFact } from './params';

export type LevelCode = 'G' | 'C' | 'I' | 'A';

export function levelCodes(fact: ParamFact): LevelCode[] {
  return fact.level.split('/').filter((c): c is LevelCode => c === 'G' || c === 'C' || c === 'I' || c === 'A');
}

const CODE_OF: Record<Level, LevelCode> = { global: 'G', group: 'C', host: 'I' };

/**
 * Whether to offer the parameter at this level in completion. Ansible does not enforce levels
 * and templates routinely set cluster parameters globally, so G and C go together; only
 * per-instance identities are kept out of `all.vars` and groups, and globals out of hosts.
 */
export function offeredAt(fact: ParamFact, level: Level): boolean {
  if (fact.kind === 'derived' || fact.kind === 'internal') return false;
  if (breakingPlacement(fact.name, level, 2)) return false;
  const codes = levelCodes(fact);
  if (codes.length === 0) return true;
  const want = CODE_OF[level];
  if (codes.includes(want)) return true;
  if (want === 'G' || want === 'C') return codes.includes('G') || codes.includes('C') || codes.includes('A');
  // host level: per-instance and cluster parameters (a host may override its cluster)
  return codes.includes('C');
}

/** Per-instance identities: one value per host; shared, they collide. */
const PER_INSTANCE = ['pg_seq', 'pg_role', 'etcd_seq', 'infra_seq', 'minio_seq', 'redis_node', 'kafka_seq', 'mysql_seq'];
/** Module memberships: `<x>_cluster is defined` makes a host a member, so never in all.vars. */
const MEMBERSHIP = ['pg_cluster', 'redis_cluster', 'kafka_cluster', 'mysql_cluster'];

export type Breakage = 'instance-global' | 'instance-group' | 'membership-global';

/**
 * Why this placement breaks a deployment, or null when it does not. `hostCount` is the number
 * of hosts of the group (for group vars): `pg_seq`/`pg_role` are always wrong in group vars,
 * the other sequence numbers only once two hosts would share them.
 */
export function breakingPlacement(name: string, level: Level, hostCount: number): Breakage | null {
  if (level === 'global') {
    if (PER_INSTANCE.includes(name)) return 'instance-global';
    if (MEMBERSHIP.includes(name)) return 'membership-global';
  }
  if (level === 'group' && PER_INSTANCE.includes(name)) {
    if (name === 'pg_seq' || name === 'pg_role' || hostCount > 1) return 'instance-group';
  }
  return null;
}

export function levelWords(fact: ParamFact, lang: 'en' | 'zh-cn'): string {
  const words: Record<LevelCode, [string, string]> = {
    G: ['global (all.vars)', '全局（all.vars）'],
    C: ['cluster (group vars)', '集群（分组 vars）'],
    I: ['instance (host vars)', '实例（主机变量）'],
    A: ['action argument (-e)', '命令行参数（-e）'],
  };
  const codes = levelCodes(fact);
  if (codes.length === 0) return lang === 'en' ? 'not stated' : '未注明';
  return codes.map((c) => words[c][lang === 'en' ? 0 : 1]).join(lang === 'en' ? ', ' : '、');
}
