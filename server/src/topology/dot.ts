// Graphviz DOT for a topology: one subgraph per cluster (its title carries the VIP and the Citus
// group), one node per member (the primary drawn bold with a double border), Citus coordinator →
// worker edges, and hosts with errors or warnings drawn red or orange. Deterministic, so the
// output can be committed and diffed.
import { clusterTitle, isPrimary, leftOutLines, memberLabel } from './labels';
import type { TopologyCluster, TopologyModel } from './types';

const COLOR = { error: '#d32f2f', warning: '#ef6c00' };
const KIND_FILL: Record<TopologyCluster['kind'], string> = {
  infra: '#e3f2fd',
  etcd: '#f3e5f5',
  pgsql: '#e8f5e9',
  minio: '#fff8e1',
  redis: '#fce4ec',
  group: '#f5f5f5',
};

/** A DOT double-quoted string. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function memberNodeId(c: TopologyCluster, ip: string): string {
  return `${c.id}/${ip}`;
}

export function toDot(model: TopologyModel, lineOf: (offset: number) => number = () => 0): string {
  const out: string[] = [];
  out.push('digraph pigsty {');
  for (const line of leftOutLines(model, lineOf)) out.push(`  // left out: ${line.replace(/\r?\n/g, ' ')}`);
  const title = ['Pigsty inventory topology', model.adminIp ? `admin_ip ${model.adminIp}` : ''].filter(Boolean).join('\n');
  out.push(`  graph [compound=true, rankdir=LR, fontname="Helvetica", fontsize=12, label=${dotString(title)}, labelloc=t];`);
  out.push('  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10];');
  out.push('  edge [fontname="Helvetica", fontsize=9];');
  const hostWorst = new Map(model.hosts.map((h) => [h.ip, h]));
  for (const c of model.clusters) {
    out.push(`  subgraph ${dotString(`cluster_${c.id}`)} {`);
    const failing = c.problems.some((p) => p.severity === 'error') ? 'error' : c.problems.length ? 'warning' : null;
    const attrs = [`label=${dotString(clusterTitle(c).join('\n'))}`, 'style="rounded,filled"', `fillcolor=${dotString(KIND_FILL[c.kind])}`];
    if (failing) attrs.push(`color=${dotString(COLOR[failing])}`, 'penwidth=2');
    if (c.problems.length) attrs.push(`tooltip=${dotString(c.problems.map((p) => `${p.code}: ${p.message}`).join('\n'))}`);
    out.push(`    ${attrs.join('; ')};`);
    if (c.members.length === 0) out.push(`    ${dotString(`${c.id}/(empty)`)} [label="(no hosts)", style=dashed];`);
    for (const m of c.members) {
      const host = hostWorst.get(m.ip);
      const a = [`label=${dotString(memberLabel(c, m).join('\n'))}`];
      if (isPrimary(m)) a.push('style="rounded,filled,bold"', 'peripheries=2');
      if (host?.worst === 'error' || host?.worst === 'warning') {
        a.push(`color=${dotString(COLOR[host.worst])}`, `fontcolor=${dotString(COLOR[host.worst])}`, 'penwidth=2');
        a.push(`tooltip=${dotString(host.problems.map((p) => `${p.code}: ${p.message}`).join('\n'))}`);
      }
      out.push(`    ${dotString(memberNodeId(c, m.ip))} [${a.join(', ')}];`);
    }
    out.push('  }');
  }
  const byId = new Map(model.clusters.map((c) => [c.id, c]));
  for (const shard of model.citusShards) {
    const coordinator = shard.coordinator ? byId.get(shard.coordinator) : undefined;
    if (!coordinator || coordinator.members.length === 0) continue;
    const from = coordinator.members.find(isPrimary) ?? coordinator.members[0];
    for (const id of shard.workers) {
      const worker = byId.get(id);
      if (!worker || worker.members.length === 0) continue;
      const to = worker.members.find(isPrimary) ?? worker.members[0];
      const attrs = [`ltail=${dotString(`cluster_${coordinator.id}`)}`, `lhead=${dotString(`cluster_${worker.id}`)}`, `label=${dotString(`citus ${shard.name}`)}`];
      out.push(`  ${dotString(memberNodeId(coordinator, from.ip))} -> ${dotString(memberNodeId(worker, to.ip))} [${attrs.join(', ')}];`);
    }
  }
  out.push('}');
  return out.join('\n') + '\n';
}
