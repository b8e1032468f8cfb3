// The words on the drawing, shared by the DOT and Mermaid writers (and matched by the view), so
// the three say the same thing about a cluster or a member.
import type { TopologyCluster, TopologyMember, TopologyModel } from './types';

const KIND_TITLE: Record<TopologyCluster['kind'], string> = {
  infra: 'INFRA',
  etcd: 'ETCD',
  pgsql: 'PGSQL',
  minio: 'MINIO',
  redis: 'REDIS',
  group: 'NODES',
};

/** Lines of a cluster's title: `PGSQL pg-citus0`, `VIP 10.10.10.2/24`, `citus pg-citus group 0 (coordinator)`. */
export function clusterTitle(c: TopologyCluster): string[] {
  const lines = [`${KIND_TITLE[c.kind]} ${c.name}`];
  if (c.vip) lines.push(`VIP ${c.vip}`);
  if (c.citus) lines.push(`citus ${c.citus.shard} group ${c.citus.group} (${c.citus.group === 0 ? 'coordinator' : 'worker'})`);
  else if (c.mode) lines.push(`mode ${c.mode}`);
  return lines;
}

/** Lines of a member's label: `10.10.10.10`, `pg-citus0-1 primary`, `admin`. */
export function memberLabel(c: TopologyCluster, m: TopologyMember): string[] {
  const lines = [m.ip];
  const second = [m.name !== m.ip ? m.name : '', m.role ?? ''].filter(Boolean).join(' ');
  if (second) lines.push(second);
  if (m.admin) lines.push('admin_ip');
  return lines;
}

export function isPrimary(m: TopologyMember): boolean {
  return m.role === 'primary';
}

/** One line per thing left out of the drawing, with its line number when it has a place. */
export function leftOutLines(model: TopologyModel, lineOf: (offset: number) => number): string[] {
  return model.leftOut.map((l) => (l.span ? `line ${lineOf(l.span.start) + 1}: ${l.message}` : l.message));
}
