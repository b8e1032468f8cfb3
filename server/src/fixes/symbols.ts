// The outline: groups and their hosts, each with what it is in Pigsty terms (module, role, instance).
import type { Analysis } from '../engine/analyze';
import type { Span } from '../engine/findings';
import type { GroupEntry, HostEntry } from '../engine/model';
import { spanOf } from '../engine/model';
import { contentEnd } from './edits';

export interface InventorySymbol {
  name: string;
  detail: string;
  kind: 'group' | 'host';
  /** The whole entry (key and value). */
  span: Span;
  /** The key, what the editor selects. */
  selection: Span;
  children: InventorySymbol[];
}

/** The Pigsty module a group defines, from its name and identity vars. */
export function groupModule(g: GroupEntry): string {
  if (g.name === 'infra') return 'infra';
  if (g.name === 'etcd' || g.vars.has('etcd_cluster')) return 'etcd';
  for (const [param, module] of [['pg_cluster', 'pgsql'], ['minio_cluster', 'minio'], ['redis_cluster', 'redis'],
    ['kafka_cluster', 'kafka'], ['mysql_cluster', 'mysql']] as const) {
    if (g.vars.has(param) || g.hosts.some((h) => h.vars.has(param))) return module;
  }
  return g.hosts.length ? 'node' : '';
}

function hostDetail(analysis: Analysis, h: HostEntry, module: string): string {
  const r = analysis.resolver;
  const v = (name: string) => r.value(h.ip, name);
  switch (module) {
    case 'pgsql': {
      const parts = [v('pg_role'), `${v('pg_cluster')}-${v('pg_seq')}`];
      if (v('pg_mode') === 'citus') parts.push(`group ${v('pg_group') ?? 0}`);
      return parts.filter((p) => p !== undefined && p !== null).join(' · ');
    }
    case 'etcd':
      return `etcd · ${v('etcd_cluster') ?? 'etcd'}-${v('etcd_seq')}`;
    case 'infra':
      return `infra · infra-${v('infra_seq')}`;
    case 'minio':
      return `minio · ${v('minio_cluster')}-${v('minio_seq')}`;
    case 'redis':
      return `redis · ${v('redis_cluster')}-${v('redis_node')}`;
    default:
      return module;
  }
}

function entrySpan(text: string, key: { range?: [number, number, number] | null }, value: { range?: [number, number, number] | null } | null): Span {
  const start = key.range![0];
  return { start, end: value?.range ? Math.max(contentEnd(text, value), key.range![1]) : key.range![1] };
}

/** A group of the inventory with its hosts and child groups, in file order. */
export function groupSymbol(analysis: Analysis, g: GroupEntry): InventorySymbol {
  const text = analysis.parsed.text;
  const module = groupModule(g);
  const pgName = g.vars.get('pg_cluster')?.value;
  const detail = [module, typeof pgName === 'string' && pgName !== g.name ? pgName : '', `${g.hosts.length} host${g.hosts.length === 1 ? '' : 's'}`]
    .filter(Boolean).join(' · ');
  return {
    name: g.name,
    detail,
    kind: 'group',
    span: entrySpan(text, g.keyNode, g.node),
    selection: spanOf(g.keyNode)!,
    children: [
      ...g.hosts.map((h) => ({
        name: h.ip,
        detail: hostDetail(analysis, h, module),
        kind: 'host' as const,
        span: entrySpan(text, h.keyNode, h.valueNode),
        selection: spanOf(h.keyNode)!,
        children: [],
      })),
      ...g.children.map((c) => groupSymbol(analysis, c)),
    ],
  };
}

export function documentSymbols(analysis: Analysis): InventorySymbol[] {
  return analysis.inventory.groups.filter((g) => g.depth === 1).map((g) => groupSymbol(analysis, g));
}
