// Code lens above each pg cluster ("3 members · primary 10.10.10.11 · VIP 10.10.10.3/24") and each
// Citus shard ("coordinator + 5 workers").
import type { Analysis } from '../engine/analyze';
import type { Lang, Span } from '../engine/findings';
import type { PgCluster } from '../engine/clusters';
import { spanOf } from '../engine/model';

export interface InventoryLens {
  span: Span;
  title: string;
  /** The pg cluster the lens is about (its runbook), or undefined for a Citus shard. */
  cluster?: string;
  shard?: string;
}

/** Where the lenses go. A pg cluster's lens gets its title on demand (clusterLensTitle); a shard's has it. */
export type LensPlace = { span: Span; cluster: PgCluster } | { span: Span; shard: string; title: string };

/** The lens above a pg cluster: members, primary, VIP. */
export function clusterLensTitle(analysis: Analysis, c: PgCluster, lang: Lang = 'en'): string {
  const zh = lang === 'zh-cn';
  const r = analysis.resolver;
  const ips = c.members.map((m) => m.ip);
  const primaries = ips.filter((ip) => r.value(ip, 'pg_role') === 'primary');
  const parts = [zh ? `${ips.length} 个成员` : `${ips.length} member${ips.length === 1 ? '' : 's'}`];
  if (primaries.length === 1) parts.push(zh ? `主库 ${primaries[0]}` : `primary ${primaries[0]}`);
  else parts.push(zh ? (primaries.length ? `${primaries.length} 个主库` : '无主库') : primaries.length ? `${primaries.length} primaries` : 'no primary');
  const first = ips[0];
  if (r.value(first, 'pg_vip_enabled') === true && r.value(first, 'pg_vip_address')) parts.push(`VIP ${r.value(first, 'pg_vip_address')}`);
  return parts.join(' · ');
}

/** Every lens's place in file order: one per pg cluster, one per Citus shard. */
export function lensPlaces(analysis: Analysis, lang: Lang = 'en'): LensPlace[] {
  const zh = lang === 'zh-cn';
  const r = analysis.resolver;
  const places: LensPlace[] = [];
  const shards = new Map<string, { span: Span; groups: Set<number> }>();
  for (const c of analysis.pgClusters().values()) {
    places.push({ span: c.anchor, cluster: c });
    const first = c.members[0].ip;
    if (r.value(first, 'pg_mode') === 'citus') {
      const shard = String(r.value(first, 'pg_shard') ?? c.name);
      const group = Number(r.value(first, 'pg_group') ?? 0);
      const entry = r.explicit(first, 'pg_shard')?.entry;
      const anchor = entry?.group && entry.level === 'group' ? spanOf(entry.group.keyNode)! : c.anchor;
      const known = shards.get(shard);
      if (known) known.groups.add(group);
      else shards.set(shard, { span: anchor, groups: new Set([group]) });
    }
  }
  for (const [shard, s] of shards) {
    const workers = [...s.groups].filter((g) => g !== 0).length;
    const head = s.groups.has(0) ? (zh ? '协调者' : 'coordinator') : zh ? '无协调者' : 'no coordinator';
    const title = zh ? `Citus ${shard}：${head} + ${workers} 个工作节点` : `Citus ${shard}: ${head} + ${workers} worker${workers === 1 ? '' : 's'}`;
    places.push({ span: s.span, shard, title });
  }
  return places.sort((a, b) => a.span.start - b.span.start);
}

/** Every lens with its title. */
export function codeLenses(analysis: Analysis, lang: Lang = 'en'): InventoryLens[] {
  return lensPlaces(analysis, lang).map((p) =>
    'cluster' in p ? { span: p.span, title: clusterLensTitle(analysis, p.cluster, lang), cluster: p.cluster.name } : p,
  );
}
