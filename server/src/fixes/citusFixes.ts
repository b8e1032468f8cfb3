// Fixes for the Citus rules: group names, group numbering, the citus extension and database, and the
// dbsu password Patroni needs on every group.
import { isMap, isSeq, Node } from 'yaml';
import { findMapPair, appendSeqItem, insertPair, replaceNode, TextEdit, yamlValue } from './edits';
import { entryAt, nextFree } from './hostEdits';
import { appendToClusterList, setClusterParam } from './clusterEdits';
import { generatePassword } from './passwords';
import { fix, Fix, FixBuilder, FixRequest, str, tr } from './types';

function members(req: FixRequest, cluster: string): string[] {
  return req.analysis.pgClusters().get(cluster)?.members.map((m) => m.ip) ?? [];
}

/** Renames a pg cluster on all its members, and its group key when the group bears the same name. */
export function renameCluster(req: FixRequest, from: string, to: string): TextEdit[] | undefined {
  const ips = members(req, from);
  if (!ips.length || req.analysis.pgClusters().has(to)) return undefined;
  const edits = setClusterParam(req.analysis, ips, 'pg_cluster', to);
  const group = req.analysis.inventory.groupsByName.get(from);
  if (group?.length === 1 && !req.analysis.inventory.groupsByName.has(to) && group[0].hosts.every((h) => ips.includes(h.ip))) {
    const k = group[0].keyNode;
    edits.push({ span: { start: k.range![0], end: k.range![1] }, newText: to });
  }
  return edits;
}

const clusterName: FixBuilder = (req) => {
  const from = str(req.data.cluster);
  const to = str(req.data.expected);
  const edits = renameCluster(req, from, to);
  return edits ? fix(tr(req, `Rename ${from} to ${to} on all its members`, `将 ${from} 在其所有成员上重命名为 ${to}`), edits, true) : [];
};

const groupGap: FixBuilder = (req) => {
  const shard = str(req.data.shard);
  const group = Number(req.data.group);
  const target = Number(req.data.missingGroup);
  const r = req.analysis.resolver;
  const clusters = [...req.analysis.pgClusters().values()].filter((c) => {
    const ip = c.members[0].ip;
    return r.value(ip, 'pg_mode') === 'citus' && String(r.value(ip, 'pg_shard') ?? c.name) === shard && Number(r.value(ip, 'pg_group')) === group;
  });
  if (clusters.length !== 1) return [];
  const c = clusters[0];
  const edits = setClusterParam(req.analysis, c.members.map((m) => m.ip), 'pg_group', target);
  let title = tr(req, `Renumber ${c.name} to pg_group: ${target}`, `将 ${c.name} 改为 pg_group: ${target}`);
  if (c.name === `${shard}${group}`) {
    const rename = renameCluster(req, c.name, `${shard}${target}`);
    if (rename) {
      const seen = new Set(edits.map((e) => e.span.start));
      edits.push(...rename.filter((e) => !seen.has(e.span.start)));
      title += tr(req, ` and rename it ${shard}${target}`, `，并重命名为 ${shard}${target}`);
    }
  }
  return fix(title, edits, true);
};

const extensionMissing: FixBuilder = (req) => {
  const cluster = str(req.data.cluster);
  return fix(tr(req, `Add citus to pg_extensions of ${cluster}`, `在 ${cluster} 的 pg_extensions 中加入 citus`), appendToClusterList(req.analysis, members(req, cluster), 'pg_extensions', 'citus'), true);
};

const primaryDb: FixBuilder = (req) => {
  const db = str(req.data.database);
  const cluster = str(req.data.cluster);
  const text = req.analysis.parsed.text;
  if (req.data.cluster !== undefined && findDatabase(req, cluster, db) === undefined) {
    const item = `{ name: ${db}, extensions: [ citus ] }`;
    return fix(tr(req, `Add database ${db} with the citus extension to pg_databases`, `在 pg_databases 中加入启用 citus 扩展的数据库 ${db}`), appendToClusterList(req.analysis, members(req, cluster), 'pg_databases', item), true);
  }
  const node = findDatabase(req, cluster, db);
  if (!isMap(node)) return [];
  const exts = findMapPair(node, 'extensions');
  const value = exts?.value as Node | null | undefined;
  if (isSeq(value)) return fix(tr(req, `Add citus to the extensions of database ${db}`, `在数据库 ${db} 的 extensions 中加入 citus`), [appendSeqItem(text, value, 'citus')], true);
  if (!exts) return fix(tr(req, `Add citus to the extensions of database ${db}`, `在数据库 ${db} 的 extensions 中加入 citus`), [insertPair(text, node, 'extensions', '[ citus ]')], true);
  return [];
};

/** The written `pg_databases` item named `db` for this cluster. */
function findDatabase(req: FixRequest, cluster: string, db: string): Node | undefined {
  const ips = members(req, cluster);
  const list = ips.length ? req.analysis.resolver.explicit(ips[0], 'pg_databases')?.entry?.valueNode : undefined;
  if (!isSeq(list)) return undefined;
  return (list.items as Node[]).find((n) => isMap(n) && String(n.get('name')) === db);
}

const dbsuPassword: FixBuilder = (req) => {
  const cluster = str(req.data.cluster);
  const ips = members(req, cluster);
  if (!ips.length) return [];
  const r = req.analysis.resolver;
  const shard = r.value(ips[0], 'pg_shard');
  // every group of the shard must share one dbsu password: reuse one that is already set
  const sibling = [...req.analysis.pgClusters().values()]
    .filter((c) => c.name !== cluster && r.value(c.members[0].ip, 'pg_shard') === shard)
    .map((c) => r.value(c.members[0].ip, 'pg_dbsu_password'))
    .find((p) => typeof p === 'string' && p.trim() !== '') as string | undefined;
  const password = sibling ?? generatePassword();
  return fix(sibling ? tr(req, 'Use the dbsu password of the other Citus groups', '使用其他 Citus 分组的 dbsu 密码') : tr(req, 'Set a generated pg_dbsu_password', '设置生成的 pg_dbsu_password'), setClusterParam(req.analysis, ips, 'pg_dbsu_password', password), true);
};

/** `citus` first in `pg_libs`, the rest in their order. */
const libsOrder: FixBuilder = (req) => {
  const libs = str(req.data.libs);
  const rest = libs.split(',').map((l) => l.trim()).filter((l) => l && l !== 'citus');
  const entry = entryAt(req.analysis, req.span.start);
  if (!entry?.writtenValueNode?.range || entry.mergedBy) return [];
  const value = ['citus', ...rest].join(', ');
  return fix(tr(req, `Load citus first: '${value}'`, `首先加载 citus：'${value}'`), [replaceNode(req.analysis.parsed.text, entry.writtenValueNode, yamlValue(value, entry.valueNode))], true);
};

/** A Citus cluster without `pg_group` gets the next free group of its shard. */
const groupMissing: FixBuilder = (req) => {
  if (req.data.shard === undefined || req.data.value !== undefined) return [];
  const shard = str(req.data.shard);
  const r = req.analysis.resolver;
  const used = [...req.analysis.pgClusters().values()]
    .filter((c) => String(r.value(c.members[0].ip, 'pg_shard') ?? c.name) === shard && r.explicit(c.members[0].ip, 'pg_group'))
    .map((c) => r.value(c.members[0].ip, 'pg_group'));
  const next = used.length ? nextFree(used, 0) : 0;
  const cluster = str(req.data.cluster);
  return fix(tr(req, `Set pg_group: ${next} on ${cluster}`, `在 ${cluster} 上设置 pg_group: ${next}`), setClusterParam(req.analysis, members(req, cluster), 'pg_group', next), true);
};

/** A Citus cluster without `pg_shard` joins the shard the other Citus clusters name, when they name one. */
const shardMissing: FixBuilder = (req) => {
  const cluster = str(req.data.cluster);
  const r = req.analysis.resolver;
  const shards = new Set(
    [...req.analysis.pgClusters().values()]
      .filter((c) => c.name !== cluster && r.value(c.members[0].ip, 'pg_mode') === 'citus')
      .map((c) => r.explicit(c.members[0].ip, 'pg_shard')?.value)
      .filter((v): v is string => typeof v === 'string' && v !== ''),
  );
  if (shards.size !== 1) return [];
  const shard = [...shards][0];
  return fix(tr(req, `Set pg_shard: ${shard} on ${cluster}`, `在 ${cluster} 上设置 pg_shard: ${shard}`), setClusterParam(req.analysis, members(req, cluster), 'pg_shard', shard), true);
};

export const citusFixes: Record<string, FixBuilder> = {
  'citus/shard-missing': shardMissing,
  'citus/libs-order': libsOrder,
  'citus/group-invalid': groupMissing,
  'citus/cluster-name': clusterName,
  'citus/group-gap': groupGap,
  'citus/extension-missing': extensionMissing,
  'citus/primary-db': primaryDb,
  'dbsu/citus-empty-password': dbsuPassword,
};

export type { Fix };
