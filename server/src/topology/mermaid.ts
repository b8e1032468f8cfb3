// Mermaid flowchart for a topology (renders in GitHub and GitLab Markdown): clusters as
// subgraphs, the primary with a thick border, Citus coordinator ==> worker links, failing hosts
// in the `error` / `warning` classes. Identifiers are numbered in drawing order, so the output
// is deterministic.
import { clusterTitle, isPrimary, leftOutLines, memberLabel } from './labels';
import type { TopologyModel } from './types';

/** A Mermaid quoted label: quotes and markup characters become entity codes. */
export function mermaidLabel(lines: string[]): string {
  const escaped = lines.map((l) =>
    l.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;'),
  );
  return `"${escaped.join('<br/>')}"`;
}

export function toMermaid(model: TopologyModel, lineOf: (offset: number) => number = () => 0): string {
  const out: string[] = [];
  for (const line of leftOutLines(model, lineOf)) out.push(`%% left out: ${line.replace(/\r?\n/g, ' ')}`);
  out.push('flowchart LR');
  if (model.adminIp) out.push(`  admin_ip([${mermaidLabel([`admin_ip ${model.adminIp}`])}])`);
  const hosts = new Map(model.hosts.map((h) => [h.ip, h]));
  const nodeIds = new Map<string, string>();
  const classes = { primary: [] as string[], error: [] as string[], warning: [] as string[], errorCluster: [] as string[] };
  model.clusters.forEach((c, ci) => {
    const cid = `c${ci}`;
    out.push(`  subgraph ${cid}[${mermaidLabel(clusterTitle(c))}]`);
    if (c.members.length === 0) out.push(`    ${cid}_empty[${mermaidLabel(['(no hosts)'])}]`);
    c.members.forEach((m, mi) => {
      const id = `${cid}_${mi}`;
      nodeIds.set(`${c.id}/${m.ip}`, id);
      out.push(`    ${id}[${mermaidLabel(memberLabel(c, m))}]`);
      if (isPrimary(m)) classes.primary.push(id);
      const worst = hosts.get(m.ip)?.worst;
      if (worst === 'error') classes.error.push(id);
      else if (worst === 'warning') classes.warning.push(id);
    });
    out.push('  end');
    if (c.problems.some((p) => p.severity === 'error')) classes.errorCluster.push(cid);
  });
  const byId = new Map(model.clusters.map((c) => [c.id, c]));
  for (const shard of model.citusShards) {
    const coordinator = shard.coordinator ? byId.get(shard.coordinator) : undefined;
    if (!coordinator) continue;
    const from = `c${model.clusters.indexOf(coordinator)}`;
    for (const id of shard.workers) {
      const worker = byId.get(id);
      if (worker) out.push(`  ${from} ==>|${mermaidLabel([`citus ${shard.name}`])}| c${model.clusters.indexOf(worker)}`);
    }
  }
  out.push('  classDef primary stroke-width:3px');
  out.push('  classDef error stroke:#d32f2f,stroke-width:2px,color:#d32f2f');
  out.push('  classDef warning stroke:#ef6c00,stroke-width:2px,color:#ef6c00');
  out.push('  classDef errorCluster stroke:#d32f2f,stroke-width:2px');
  for (const [name, ids] of Object.entries(classes)) {
    if (ids.length) out.push(`  class ${ids.join(',')} ${name}`);
  }
  return out.join('\n') + '\n';
}
