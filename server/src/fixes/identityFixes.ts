// Fixes for the identity rules: pg_seq, pg_role, primary count, infra_seq / etcd_seq.
import { isMap } from 'yaml';
import { seqNumber } from '../rules/identity';
import { setPair } from './edits';
import { nextFree, setHostParam, entryAt } from './hostEdits';
import { fix, Fix, FixBuilder, FixRequest, str, tr } from './types';

function clusterMembers(req: FixRequest, cluster: string): string[] {
  return req.analysis.pgClusters().get(cluster)?.members.map((m) => m.ip) ?? [];
}

const pgSeq: FixBuilder = (req) => {
  const host = str(req.data.host);
  const cluster = str(req.data.cluster);
  const seqs = clusterMembers(req, cluster).map((ip) => seqNumber(req.analysis.resolver.value(ip, 'pg_seq')));
  const free = nextFree(seqs, 1);
  const edit = setHostParam(req.analysis, host, 'pg_seq', free);
  const title = req.data.seq !== undefined
    ? tr(req, `Renumber ${host} to pg_seq: ${free}`, `将 ${host} 改为 pg_seq: ${free}`)
    : tr(req, `Set pg_seq: ${free} on ${host}`, `在 ${host} 上设置 pg_seq: ${free}`);
  return fix(title, [edit], true);
};

const pgRole: FixBuilder = (req) => {
  const suggestion = str(req.data.suggestion);
  if (!suggestion) return [];
  const entry = entryAt(req.analysis, req.span.start);
  if (!entry?.valueNode) return [];
  const ips = entry.host ? [entry.host.ip] : [];
  const edit = ips.length
    ? setHostParam(req.analysis, ips[0], 'pg_role', suggestion)
    : { span: { start: entry.valueNode.range![0], end: entry.valueNode.range![1] }, newText: suggestion };
  return fix(tr(req, `Change pg_role to ${suggestion}`, `将 pg_role 改为 ${suggestion}`), [edit], true);
};

/** Makes `ip` the primary of its cluster and every other primary a replica. */
export function makePrimary(req: FixRequest, cluster: string, ip: string): Fix[] {
  const edits = [setHostParam(req.analysis, ip, 'pg_role', 'primary')];
  for (const other of clusterMembers(req, cluster)) {
    if (other !== ip && req.analysis.resolver.value(other, 'pg_role') === 'primary') {
      edits.push(setHostParam(req.analysis, other, 'pg_role', 'replica'));
    }
  }
  const title = tr(req, `Make ${ip} the primary of ${cluster}`, `将 ${ip} 设为 ${cluster} 的主库`);
  return fix(title + (edits.length > 1 ? tr(req, ' (the other primary becomes a replica)', '（另一主库改为从库）') : ''), edits);
}

const primaryCount: FixBuilder = (req) => {
  const cluster = str(req.data.cluster);
  if (req.data.host) {
    const host = str(req.data.host);
    const other = str(req.data.other);
    const keep = makePrimary(req, cluster, host);
    const demote = fix(tr(req, `Make ${host} a replica (keep ${other} as the primary)`, `将 ${host} 设为从库（保留 ${other} 为主库）`), [setHostParam(req.analysis, host, 'pg_role', 'replica')], true);
    return [...demote, ...keep];
  }
  return clusterMembers(req, cluster).flatMap((ip, i) => makePrimary(req, cluster, ip).map((f) => ({ ...f, preferred: i === 0 })));
};

function seqFix(param: 'infra_seq' | 'etcd_seq', group: string): FixBuilder {
  return (req) => {
    const host = str(req.data.host);
    const members = req.analysis.inventory.groupsByName.get(group) ?? [];
    const occ = members.flatMap((g) => g.hosts).find((h) => h.ip === host);
    if (!occ || req.data.value !== undefined) return [];
    const used = members.flatMap((g) => g.hosts).map((h) => req.analysis.resolver.value(h.ip, param));
    const free = nextFree(used, 1);
    const title = req.data.seq !== undefined
      ? tr(req, `Renumber ${host} to ${param}: ${free}`, `将 ${host} 改为 ${param}: ${free}`)
      : tr(req, `Set ${param}: ${free} on ${host}`, `在 ${host} 上设置 ${param}: ${free}`);
    return fix(title, [setHostParam(req.analysis, host, param, free, occ)], true);
  };
}

/** A missing `admin_ip` is the infra node's IP when there is exactly one. */
const adminIp: FixBuilder = (req) => {
  const inv = req.analysis.inventory;
  const infra = [...new Set((inv.groupsByName.get('infra') ?? []).flatMap((g) => g.hosts.map((h) => h.ip)))];
  if (req.data.value !== undefined || infra.length !== 1 || !isMap(inv.varsNode)) return [];
  return fix(tr(req, `Set admin_ip: ${infra[0]} (the infra node)`, `设置 admin_ip: ${infra[0]}（infra 节点）`), [setPair(req.analysis.parsed.text, inv.varsNode, 'admin_ip', infra[0])], true);
};

export const identityFixes: Record<string, FixBuilder> = {
  'identity/admin-ip': adminIp,
  'etcd/seq-duplicate': seqFix('etcd_seq', 'etcd'),
  'infra/seq-duplicate': seqFix('infra_seq', 'infra'),
  'identity/pg-seq': pgSeq,
  'identity/pg-role': pgRole,
  'identity/primary-count': primaryCount,
  'identity/infra-seq': seqFix('infra_seq', 'infra'),
  'identity/etcd-seq': seqFix('etcd_seq', 'etcd'),
};
