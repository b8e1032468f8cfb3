// "Promote the surviving node": the inventory repair after a permanent loss of the other members of
// a pg cluster (Pigsty's 2-of-3 failure drill). The failed hosts are commented out, not deleted, in
// the pg cluster, `etcd` and `infra`; the survivor becomes the primary, stays the single etcd
// member, joins `infra`, and takes over as admin node when the admin node failed.
import { isMap, isScalar, Node, Pair, visit, YAMLMap } from 'yaml';
import type { Analysis } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import type { GroupEntry, HostEntry } from '../engine/model';
import { commentOutPair, contentEnd, insertPair, lineStartOf, pairEnd, TextEdit } from './edits';
import { hostPair, nextFree, pgOccurrence, setHostParam } from './hostEdits';

export interface PromotePlan {
  cluster: string;
  survivor: string;
  failed: string[];
  edits: TextEdit[];
  /** What the edit does, one line per change, for the user. */
  changes: string[];
  /** Things left for the user to review (other groups that still list a failed host). */
  notes: string[];
}

export type PromoteResult = { ok: true; plan: PromotePlan } | { ok: false; error: string };

const NOTE = 'failed node, commented out by promote-survivor';

/** The pg cluster `ip` belongs to, with its members, or undefined. */
export function clusterOf(analysis: Analysis, ip: string): { name: string; members: string[] } | undefined {
  for (const c of analysis.pgClusters().values()) {
    if (c.members.some((m) => m.ip === ip)) return { name: c.name, members: c.members.map((m) => m.ip) };
  }
  return undefined;
}

export function promoteSurvivor(analysis: Analysis, survivor: string, failedIn?: readonly string[], lang: Lang = 'en'): PromoteResult {
  const zh = lang === 'zh-cn';
  const text = analysis.parsed.text;
  const inv = analysis.inventory;
  const cluster = clusterOf(analysis, survivor);
  if (!cluster) return { ok: false, error: zh ? `${survivor} 不属于此清单中的任何 PostgreSQL 集群。` : `${survivor} is not a member of any PostgreSQL cluster in this inventory.` };
  const failed = [...new Set(failedIn ?? cluster.members.filter((ip) => ip !== survivor))];
  if (failed.includes(survivor)) return { ok: false, error: zh ? `存活节点 ${survivor} 不能同时是故障主机。` : `The survivor ${survivor} cannot also be a failed host.` };
  const unknown = failed.filter((ip) => !analysis.resolver.host(ip));
  if (unknown.length) return { ok: false, error: zh ? `不是此清单中的主机：${unknown.join('、')}。` : `Not hosts of this inventory: ${unknown.join(', ')}.` };

  const plan: PromotePlan = { cluster: cluster.name, survivor, failed, edits: [], changes: [], notes: [] };
  const pgGroups = new Set<GroupEntry>(
    cluster.members.map((ip) => pgOccurrence(analysis, ip)?.group).filter((g): g is GroupEntry => !!g),
  );
  const etcd = inv.groupsByName.get('etcd')?.[0];
  const infra = inv.groupsByName.get('infra')?.[0];
  const perMap = new Map<YAMLMap, { removed: Pair[]; added?: string }>();
  const touch = (map: YAMLMap) => perMap.get(map) ?? perMap.set(map, { removed: [] }).get(map)!;

  for (const ip of failed) {
    for (const occ of analysis.resolver.host(ip)!.occurrences) {
      const special = occ.group === etcd || occ.group === infra;
      if (!special && !pgGroups.has(occ.group)) {
        plan.notes.push(zh ? `${ip} 仍在分组 \`${occ.group.name}\` 中：请检查。` : `${ip} is still listed in group \`${occ.group.name}\`: review it.`);
        continue;
      }
      const pair = hostPair(occ);
      if (!pair || !isMap(occ.group.hostsNode)) continue;
      touch(occ.group.hostsNode).removed.push(pair);
      plan.changes.push(`comment out ${ip} in \`${occ.group.name}\``);
    }
  }

  // the survivor becomes the only primary of its cluster
  const roleEdit = setHostParam(analysis, survivor, 'pg_role', 'primary');
  if (analysis.resolver.value(survivor, 'pg_role') !== 'primary' && roleEdit) {
    plan.edits.push(roleEdit);
    plan.changes.push(`set pg_role: primary on ${survivor}`);
  }
  for (const ip of cluster.members) {
    if (ip !== survivor && !failed.includes(ip) && analysis.resolver.value(ip, 'pg_role') === 'primary') {
      const e = setHostParam(analysis, ip, 'pg_role', 'replica');
      if (e) plan.edits.push(e);
      plan.changes.push(`set pg_role: replica on ${ip}`);
    }
  }

  for (const [group, seqName] of [[etcd, 'etcd_seq'], [infra, 'infra_seq']] as const) {
    if (!group || !isMap(group.hostsNode)) continue;
    if (group.hosts.some((h) => h.ip === survivor)) continue;
    const seq = nextFree(group.hosts.map((h) => analysis.resolver.value(h.ip, seqName)), 1);
    touch(group.hostsNode).added = `${survivor}: { ${seqName}: ${seq} }`;
    plan.changes.push(`add ${survivor} to \`${group.name}\` with ${seqName}: ${seq}`);
  }

  for (const [map, change] of perMap) plan.edits.push(...editHosts(text, map, change.removed, change.added));
  adminTakeover(analysis, plan);
  return { ok: true, plan };
}

/** Comments out `removed` and adds `added` (`ip: {...}`) in one hosts map. */
function editHosts(text: string, map: YAMLMap, removed: Pair[], added?: string): TextEdit[] {
  if (!map.flow) {
    const edits = removed.flatMap((p) => commentOutPair(text, map, p, NOTE));
    if (added) {
      const sep = added.indexOf(': ');
      edits.push(insertPair(text, map, added.slice(0, sep), added.slice(sep + 2)));
    }
    return edits;
  }
  // flow map: rebuild the braces from the kept entries' own text; the removed ones become comments above
  const items = map.items as Pair[];
  const kept = items.filter((p) => !removed.includes(p)).map((p) => text.slice((p.key as Node).range![0], pairEnd(text, p)));
  if (added) kept.push(added);
  const between = items.length >= 2 ? text.slice(pairEnd(text, items[0]), (items[1].key as Node).range![0]) : ', ';
  const sep = /^\s*,\s*$/.test(between) ? between : ', ';
  const open = text.slice(map.range![0], map.range![0] + 2) === '{ ' ? '{ ' : '{';
  const line = lineStartOf(text, map.range![0]);
  const indent = text.slice(line).match(/^[ \t]*/)![0];
  const comments = removed.map((p) => `${indent}# ${text.slice((p.key as Node).range![0], pairEnd(text, p))} # ${NOTE}\n`).join('');
  return [
    { span: { start: line, end: line }, newText: comments },
    { span: { start: map.range![0], end: contentEnd(text, map) }, newText: kept.length ? `${open}${kept.join(sep)}${open === '{ ' ? ' }' : '}'}` : '{}' },
  ];
}

/** When the admin node failed, the survivor becomes `admin_ip`, and literal references to the old IP follow. */
function adminTakeover(analysis: Analysis, plan: PromotePlan): void {
  const inv = analysis.inventory;
  const admin = inv.globalVars.get('admin_ip');
  const oldIp = typeof admin?.value === 'string' ? admin.value : undefined;
  if (!admin || !oldIp || !plan.failed.includes(oldIp) || !admin.writtenValueNode?.range || admin.mergedBy) return;
  const text = analysis.parsed.text;
  plan.edits.push({ span: { start: admin.writtenValueNode.range[0], end: contentEnd(text, admin.writtenValueNode) }, newText: plan.survivor });
  plan.changes.push(`set admin_ip: ${plan.survivor} (was ${oldIp})`);
  const ipRe = new RegExp(`(?<![\\d.])${oldIp.replace(/\./g, '\\.')}(?![\\d])`, 'g');
  const owners = [inv.globalVars, ...inv.groups.map((g) => g.vars)];
  for (const vars of owners) {
    for (const name of ['node_etc_hosts', 'infra_portal']) {
      const entry = vars.get(name);
      if (!entry?.writtenValueNode || entry.mergedBy) continue;
      let count = 0;
      visit(entry.writtenValueNode as never, {
        Scalar(_key, node) {
          if (!isScalar(node) || typeof node.value !== 'string' || !node.range || !node.value.match(ipRe)) return;
          const src = text.slice(node.range[0], node.range[1]);
          plan.edits.push({ span: { start: node.range[0], end: node.range[1] }, newText: src.replace(ipRe, plan.survivor) });
          count++;
        },
      });
      if (count) plan.changes.push(`replace ${oldIp} with ${plan.survivor} in ${name} (${count} place${count > 1 ? 's' : ''})`);
    }
  }
}

/** For tests and the runbook: the occurrence where the survivor's pg identity lives. */
export function survivorOccurrence(analysis: Analysis, ip: string): HostEntry | undefined {
  return pgOccurrence(analysis, ip);
}
