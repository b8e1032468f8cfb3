// Builds the topology from an analysis: every module cluster with its members (PostgreSQL with
// roles, VIP and Citus group; etcd; infra with admin_ip; MinIO; Redis), Citus shards, and the
// hosts that belong to no module under their Ansible group. Pure: tested without an editor.
import type { Analysis } from '../engine/analyze';
import type { Span } from '../engine/findings';
import type { GroupEntry, HostEntry } from '../engine/model';
import { spanOf } from '../engine/model';
import type { EffectiveValue, Resolver } from '../engine/resolve';
import { leftOutOf } from './leftOut';
import { compareMembers, compareNames } from './order';
import { indexProblems, ProblemIndex, worstOf } from './problems';
import {
  CitusShard,
  CLUSTER_KINDS,
  ClusterKind,
  TopologyCluster,
  TopologyHost,
  TopologyMember,
  TopologyModel,
} from './types';

const NO_SPAN: Span = { start: 0, end: 0 };

export function buildTopology(analysis: Analysis): TopologyModel {
  const { inventory, resolver } = analysis;
  const adminValue = inventory.globalVars.get('admin_ip')?.value;
  const adminIp = typeof adminValue === 'string' ? adminValue : null;
  const problems = indexProblems(inventory, analysis.findings);
  const clusters: TopologyCluster[] = [];
  const kindsOf = new Map<string, Set<ClusterKind>>();
  const add = (c: TopologyCluster) => {
    c.members.sort(compareMembers);
    for (const m of c.members) {
      if (adminIp !== null && m.ip === adminIp && (c.kind === 'infra' || c.kind === 'group')) m.admin = true;
      const kinds = kindsOf.get(m.ip) ?? new Set<ClusterKind>();
      kinds.add(c.kind);
      kindsOf.set(m.ip, kinds);
    }
    clusters.push(c);
  };

  for (const g of inventory.groupsByName.get('infra') ?? []) add(groupCluster('infra', 'infra', g, resolver, 'infra_seq', problems));
  for (const g of inventory.groupsByName.get('etcd') ?? []) {
    const name = g.vars.get('etcd_cluster')?.value;
    add(groupCluster('etcd', typeof name === 'string' ? name : 'etcd', g, resolver, 'etcd_seq', problems));
  }
  for (const pg of analysis.pgClusters().values()) add(pgCluster(pg.name, pg.anchor, pg.members, resolver, problems));
  for (const c of valueClusters('minio', 'minio_cluster', 'minio_seq', resolver, problems)) add(c);
  for (const c of valueClusters('redis', 'redis_cluster', 'redis_node', resolver, problems)) add(c);
  for (const c of plainGroups(inventory.groups, kindsOf, resolver, problems)) add(c);

  clusters.sort((a, b) => CLUSTER_KINDS.indexOf(a.kind) - CLUSTER_KINDS.indexOf(b.kind) || compareNames(a.name, b.name) || a.span.start - b.span.start);
  dedupeIds(clusters);

  const hosts: TopologyHost[] = resolver.hostIps().map((ip) => {
    const hostProblems = problems.byHost.get(ip) ?? [];
    return {
      ip,
      span: spanOf(resolver.host(ip)?.occurrences[0]?.keyNode) ?? NO_SPAN,
      kinds: CLUSTER_KINDS.filter((k) => kindsOf.get(ip)?.has(k)),
      problems: hostProblems,
      worst: worstOf(hostProblems),
    };
  });
  hosts.sort((a, b) => compareNames(a.ip, b.ip));

  return { adminIp, clusters, citusShards: citusShards(clusters), hosts, leftOut: leftOutOf(analysis) };
}

function member(ip: string, clusterName: string, seqValue: unknown, span: Span, role?: unknown): TopologyMember {
  const seq = typeof seqValue === 'number' && Number.isInteger(seqValue) ? seqValue : null;
  const m: TopologyMember = { ip, name: seq === null ? `${clusterName}-?` : `${clusterName}-${seq}`, seq, span };
  if (typeof role === 'string') m.role = role;
  return m;
}

/** Where the host is written inside `group` (or a group below it), else its first occurrence. */
function occurrenceIn(resolver: Resolver, ip: string, group: GroupEntry | undefined): HostEntry | undefined {
  const occurrences = resolver.host(ip)?.occurrences ?? [];
  const inside = (h: HostEntry) => {
    for (let g: GroupEntry | undefined = h.group; g; g = g.parent) if (g === group) return true;
    return false;
  };
  return (group && occurrences.find(inside)) || occurrences[0];
}

function placeOf(resolver: Resolver, ip: string, eff: EffectiveValue | undefined): Span {
  const entry = eff?.entry;
  const occ = entry?.host ?? occurrenceIn(resolver, ip, entry?.group);
  return spanOf(occ?.keyNode) ?? NO_SPAN;
}

function groupCluster(kind: ClusterKind, name: string, g: GroupEntry, resolver: Resolver, seqName: string, problems: ProblemIndex): TopologyCluster {
  const seen = new Set<string>();
  const members: TopologyMember[] = [];
  for (const h of g.hosts) {
    if (seen.has(h.ip)) continue;
    seen.add(h.ip);
    members.push(member(h.ip, kind === 'infra' ? 'infra' : name, seqName ? resolver.value(h.ip, seqName) : null, spanOf(h.keyNode) ?? NO_SPAN));
  }
  return { id: `${kind}/${name}`, kind, name, members, span: spanOf(g.keyNode) ?? NO_SPAN, problems: [...(problems.byGroup.get(g.name) ?? [])] };
}

function pgCluster(name: string, anchor: Span, pgMembers: { ip: string; cluster: EffectiveValue }[], resolver: Resolver, problems: ProblemIndex): TopologyCluster {
  const members = pgMembers.map((m) =>
    member(m.ip, name, resolver.value(m.ip, 'pg_seq'), placeOf(resolver, m.ip, m.cluster), resolver.value(m.ip, 'pg_role')),
  );
  const c: TopologyCluster = { id: `pgsql/${name}`, kind: 'pgsql', name, members, span: anchor, problems: [] };
  // cluster-wide settings are read on the primary (the first member when there is none)
  const lead = pgMembers.find((m) => resolver.value(m.ip, 'pg_role') === 'primary') ?? pgMembers[0];
  if (lead) {
    const vipOn = resolver.value(lead.ip, 'pg_vip_enabled');
    const vip = resolver.value(lead.ip, 'pg_vip_address');
    if ((vipOn === true || (typeof vipOn === 'string' && /^(true|yes|on)$/i.test(vipOn))) && typeof vip === 'string') c.vip = vip;
    const mode = resolver.value(lead.ip, 'pg_mode');
    if (typeof mode === 'string' && mode !== 'pgsql') c.mode = mode;
    if (mode === 'citus') {
      const shard = resolver.value(lead.ip, 'pg_shard');
      const group = resolver.value(lead.ip, 'pg_group');
      const groupNo = typeof group === 'number' ? group : typeof group === 'string' && /^\d+$/.test(group) ? Number(group) : 0;
      c.citus = { shard: typeof shard === 'string' && shard !== '' ? shard : name, group: groupNo };
    }
  }
  c.problems.push(...groupProblemsOf(resolver, pgMembers.map((m) => m.ip), problems), ...(problems.byClusterName.get(name) ?? []));
  return c;
}

/** Clusters whose membership is the effective value of `param` (MinIO, Redis). */
function valueClusters(kind: ClusterKind, param: string, seqName: string, resolver: Resolver, problems: ProblemIndex): TopologyCluster[] {
  const byName = new Map<string, TopologyCluster>();
  for (const ip of resolver.hostIps()) {
    const eff = resolver.explicit(ip, param);
    if (!eff || (typeof eff.value !== 'string' && typeof eff.value !== 'number')) continue;
    const name = String(eff.value);
    let c = byName.get(name);
    if (!c) {
      const entry = eff.entry!;
      const span = entry.level === 'group' && entry.group ? spanOf(entry.group.keyNode) : spanOf(entry.valueNode);
      c = { id: `${kind}/${name}`, kind, name, members: [], span: span ?? NO_SPAN, problems: [...(problems.byClusterName.get(name) ?? [])] };
      byName.set(name, c);
    }
    c.members.push(member(ip, name, resolver.value(ip, seqName), placeOf(resolver, ip, eff)));
  }
  for (const c of byName.values()) c.problems.unshift(...groupProblemsOf(resolver, c.members.map((m) => m.ip), problems));
  return [...byName.values()];
}

/** Groups whose hosts take part in no module: drawn as they are written, so no host goes missing. */
function plainGroups(groups: GroupEntry[], kindsOf: Map<string, Set<ClusterKind>>, resolver: Resolver, problems: ProblemIndex): TopologyCluster[] {
  const out: TopologyCluster[] = [];
  const placed = new Set<string>();
  for (const g of groups) {
    if (g.name === 'infra' || g.name === 'etcd') continue;
    const lonely = g.hosts.filter((h) => !kindsOf.has(h.ip) && !placed.has(h.ip));
    // an empty leaf group is drawn (Pigsty refuses it); a group of module hosts is drawn by module
    if (lonely.length === 0 && (g.hosts.length > 0 || g.children.length > 0)) continue;
    for (const h of lonely) placed.add(h.ip);
    const c = groupCluster('group', g.name, { ...g, hosts: lonely }, resolver, '', problems);
    for (const m of c.members) {
      const nodename = resolver.value(m.ip, 'nodename');
      m.name = typeof nodename === 'string' && nodename !== '' ? nodename : m.ip;
    }
    out.push(c);
  }
  return out;
}

/** Findings on the vars of the groups that hold these hosts (infra and etcd keep their own). */
function groupProblemsOf(resolver: Resolver, ips: string[], problems: ProblemIndex) {
  const names = new Set<string>();
  for (const ip of ips) {
    for (const occ of resolver.host(ip)?.occurrences ?? []) {
      if (occ.group.name !== 'infra' && occ.group.name !== 'etcd') names.add(occ.group.name);
    }
  }
  return [...names].sort(compareNames).flatMap((n) => problems.byGroup.get(n) ?? []);
}

function citusShards(clusters: TopologyCluster[]): CitusShard[] {
  const byShard = new Map<string, TopologyCluster[]>();
  for (const c of clusters) {
    if (!c.citus) continue;
    const list = byShard.get(c.citus.shard) ?? [];
    list.push(c);
    byShard.set(c.citus.shard, list);
  }
  return [...byShard.entries()]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([name, list]) => {
      list.sort((a, b) => a.citus!.group - b.citus!.group || compareNames(a.name, b.name));
      const coordinator = list.find((c) => c.citus!.group === 0) ?? null;
      return { name, coordinator: coordinator?.id ?? null, workers: list.filter((c) => c !== coordinator).map((c) => c.id) };
    });
}

/** Two groups named alike (a YAML duplicate) still get distinct ids. */
function dedupeIds(clusters: TopologyCluster[]): void {
  const seen = new Map<string, number>();
  for (const c of clusters) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n > 0) c.id = `${c.id}#${n + 1}`;
  }
}
