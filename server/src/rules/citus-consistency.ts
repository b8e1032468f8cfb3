// What every group of one Citus deployment must agree on, and what the Citus database needs
// (rules-reference §4: Patroni requires one scope, one `citus.database` and the same superuser and
// REST API credentials on all nodes; Pigsty's guide adds the extension, database and pg_libs).
import { isMap, isSeq, Node } from 'yaml';
import { citusPgVersions } from '../catalog/citusVersions';
import type { PgCluster } from '../engine/clusters';
import { findPair, resolveAlias } from '../engine/model';
import type { EffectiveValue } from '../engine/resolve';
import { CitusDeployment, eachCitusDeployment } from './citus-deployments';
import { display } from './identity';
import { isBlank, onceEach, valuePlace, writtenAt } from './places';
import { DOCS, Place, Rule, RuleContext } from './types';

const SHARED_PARAMS = ['pg_mode', 'pg_primary_db', 'pg_dbsu_password', 'patroni_username', 'patroni_password', 'pg_version'] as const;
const SECRET_PARAMS = new Set(['pg_dbsu_password', 'patroni_password']);

/** The clusters of a deployment that run Citus (not those that only name its shard). */
function citusClustersOf(dep: CitusDeployment): PgCluster[] {
  return dep.clusters.filter((c) => c.citus).map((c) => c.cluster);
}

const inconsistent: Rule = {
  code: 'citus/inconsistent',
  severity: 'error',
  docs: DOCS.citus,
  description: {
    en: 'The groups of one Citus deployment disagree on a parameter they must share.',
    'zh-cn': '同一 Citus 部署的各分组在必须一致的参数上取值不同。',
  },
  messages: {
    default: {
      en: '`{param}: {value}` on `{host}` (cluster `{cluster}`) differs from `{expected}` on the rest of Citus shard `{shard}`: all groups must share it.',
      'zh-cn': '`{host}`（集群 `{cluster}`）上的 `{param}: {value}` 与 Citus 分片 `{shard}` 其他成员的 `{expected}` 不同：所有分组必须保持一致。',
    },
    secret: {
      en: '`{param}` on `{host}` (cluster `{cluster}`) differs from the rest of Citus shard `{shard}`: Patroni needs the same credentials on every node.',
      'zh-cn': '`{host}`（集群 `{cluster}`）上的 `{param}` 与 Citus 分片 `{shard}` 的其他成员不同：Patroni 要求所有节点使用相同的凭据。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const param of SHARED_PARAMS) {
      const values: { ip: string; cluster: PgCluster; eff: EffectiveValue | undefined; key: string }[] = [];
      for (const c of dep.clusters) {
        for (const m of c.cluster.members) {
          const eff = ctx.resolver.get(m.ip, param);
          // an empty dbsu password is dbsu/citus-empty-password's finding
          if (param === 'pg_dbsu_password' && isBlank(eff?.value)) continue;
          values.push({ ip: m.ip, cluster: c.cluster, eff, key: JSON.stringify(eff?.value ?? null) });
        }
      }
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v.key, (counts.get(v.key) ?? 0) + 1);
      if (counts.size < 2) continue;
      const expectedKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const expected = values.find((v) => v.key === expectedKey)!;
      const first = onceEach<unknown>();
      for (const v of values) {
        if (v.key === expectedKey || !first(writtenAt(v.eff) ?? v.cluster)) continue;
        ctx.report({
          messageId: SECRET_PARAMS.has(param) ? 'secret' : 'default',
          at: valuePlace(v.eff, v.cluster.anchor),
          data: { param, value: display(v.eff?.value), expected: display(expected.eff?.value), host: v.ip, cluster: v.cluster.name, shard: dep.shard },
          related: [{ at: valuePlace(expected.eff, expected.cluster.anchor), message: { en: 'the value the other groups use', 'zh-cn': '其他分组使用的取值' } }],
        });
      }
    }
  }),
};

/** The `pg_databases` item named `name`, with its node. */
function databaseItem(eff: EffectiveValue | undefined, name: string, ctx: RuleContext): { node: Node; value: Record<string, unknown> } | null {
  const seq = eff?.entry?.valueNode;
  if (!eff || !isSeq(seq) || !Array.isArray(eff.value)) return null;
  for (let i = 0; i < seq.items.length; i++) {
    const node = resolveAlias(ctx.inventory.doc, seq.items[i]);
    const value = eff.value[i] as Record<string, unknown> | null;
    if (isMap(node) && value && typeof value === 'object' && value.name === name) {
      return { node: findPair(node, 'name')?.value ?? node, value };
    }
  }
  return null;
}

const primaryDb: Rule = {
  code: 'citus/primary-db',
  severity: 'warning',
  docs: DOCS.citus,
  description: {
    en: '`pg_primary_db` is not in `pg_databases`, or that database lacks the `citus` extension.',
    'zh-cn': '`pg_primary_db` 不在 `pg_databases` 中，或该数据库未启用 `citus` 扩展。',
  },
  messages: {
    notListed: {
      en: '`pg_primary_db: {database}` is not defined in `pg_databases` of cluster `{cluster}`: define it there (owner, pgbouncer, `extensions: [citus]`) as the Citus guide does.',
      'zh-cn': '`pg_primary_db: {database}` 没有在集群 `{cluster}` 的 `pg_databases` 中定义：请按 Citus 教程在其中定义它（属主、pgbouncer、`extensions: [citus]`）。',
    },
    noExtension: {
      en: 'Database `{database}` is the Citus database (`pg_primary_db`) but does not list `citus` in its `extensions`.',
      'zh-cn': '数据库 `{database}` 是 Citus 数据库（`pg_primary_db`），但其 `extensions` 中没有 `citus`。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const cluster of citusClustersOf(dep)) {
      const ip = cluster.members[0].ip;
      const db = ctx.resolver.get(ip, 'pg_primary_db');
      if (!db || typeof db.value !== 'string' || db.value === 'postgres') continue;
      const dbs = ctx.resolver.get(ip, 'pg_databases');
      const item = databaseItem(dbs, db.value, ctx);
      if (!item) {
        const listed = Array.isArray(dbs?.value) && dbs!.value.some((d) => d && typeof d === 'object' && (d as { name?: unknown }).name === db.value);
        if (!listed) {
          const once = `${keyOf(writtenAt(db) as object)}|${keyOf(writtenAt(dbs) as object)}`;
          ctx.report({ messageId: 'notListed', at: valuePlace(db, cluster.anchor), once, data: { database: db.value, cluster: cluster.name } });
        }
        continue;
      }
      const exts = Array.isArray(item.value.extensions) ? item.value.extensions : [];
      const hasCitus = exts.some((e) => e === 'citus' || (e && typeof e === 'object' && (e as { name?: unknown }).name === 'citus'));
      if (!hasCitus) {
        const once = `ext|${keyOf(writtenAt(dbs) as object)}|${db.value}`;
        ctx.report({ messageId: 'noExtension', severity: 'information', at: item.node, once, data: { database: db.value, cluster: cluster.name } });
      }
    }
  }),
};

const ids = new WeakMap<object, number>();
let nextId = 0;
/** A stable id for an entry, to say "this pair of written values was already reported". */
function keyOf(o: object | null | undefined): string {
  if (!o) return 'default';
  if (!ids.has(o)) ids.set(o, ++nextId);
  return String(ids.get(o));
}

function packageWords(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.flatMap((v) => (typeof v === 'string' ? v.split(/[\s,]+/) : [])).filter(Boolean);
}

const extensionMissing: Rule = {
  code: 'citus/extension-missing',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'A Citus cluster does not install the `citus` package.', 'zh-cn': 'Citus 集群没有安装 `citus` 软件包。' },
  messages: {
    default: {
      en: 'Cluster `{cluster}` runs `pg_mode: citus` but `citus` is in neither `pg_extensions` nor `pg_packages`: the extension is not installed and Patroni cannot create it.',
      'zh-cn': '集群 `{cluster}` 使用 `pg_mode: citus`，但 `pg_extensions` 与 `pg_packages` 中都没有 `citus`：扩展不会被安装，Patroni 无法创建它。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const cluster of citusClustersOf(dep)) {
      const ip = cluster.members[0].ip;
      const ext = ctx.resolver.get(ip, 'pg_extensions');
      const words = [...packageWords(ext?.value), ...packageWords(ctx.resolver.value(ip, 'pg_packages'))];
      if (words.some((w) => /citus/i.test(w))) continue;
      // a cluster is in one deployment: only a written value can be met twice
      ctx.report({ at: ext?.entry ? valuePlace(ext, cluster.anchor) : cluster.anchor, once: writtenAt(ext), data: { cluster: cluster.name } });
    }
  }),
};

const libsOrder: Rule = {
  code: 'citus/libs-order',
  severity: 'information',
  docs: DOCS.citus,
  description: { en: '`citus` is not first in `pg_libs`.', 'zh-cn': '`citus` 不在 `pg_libs` 的首位。' },
  messages: {
    default: {
      en: '`pg_libs: {libs}` does not start with `citus`: Citus must be loaded first; Patroni puts it there in Citus mode, but writing it first keeps the file honest.',
      'zh-cn': '`pg_libs: {libs}` 没有以 `citus` 开头：Citus 必须最先加载；Citus 模式下 Patroni 会自动把它放到首位，但显式写在首位能让配置与实际一致。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const cluster of citusClustersOf(dep)) {
      const libs = ctx.resolver.explicit(cluster.members[0].ip, 'pg_libs');
      if (!libs || typeof libs.value !== 'string') continue;
      const head = libs.value.split(',')[0].trim();
      if (head !== 'citus') ctx.report({ at: valuePlace(libs, null), once: writtenAt(libs), data: { libs: libs.value, cluster: cluster.name } });
    }
  }),
};

const pgVersion: Rule = {
  code: 'citus/pg-version',
  severity: 'error',
  docs: DOCS.citus,
  description: {
    en: '`pg_version` is not one the Citus packages of this Pigsty version support.',
    'zh-cn': '`pg_version` 不在此 Pigsty 版本的 Citus 软件包所支持的范围内。',
  },
  messages: {
    default: {
      en: 'Citus cluster `{cluster}` uses `pg_version: {version}`, but Pigsty {pigsty} ships Citus for PostgreSQL {supported} only.',
      'zh-cn': 'Citus 集群 `{cluster}` 使用 `pg_version: {version}`，但 Pigsty {pigsty} 仅为 PostgreSQL {supported} 提供 Citus 软件包。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const support = citusPgVersions(ctx.pigstyVersion);
    if (!support) return;
    const supported = `${support.pgVersions[0]}-${support.pgVersions[support.pgVersions.length - 1]}`;
    for (const cluster of citusClustersOf(dep)) {
      for (const m of cluster.members) {
        const eff = ctx.resolver.explicit(m.ip, 'pg_version');
        if (!eff) continue;
        const v = typeof eff.value === 'number' ? eff.value : Number(eff.value);
        if (support.pgVersions.includes(v)) continue;
        ctx.report({ at: valuePlace(eff, null) as Place, once: writtenAt(eff), data: { cluster: cluster.name, version: display(eff.value), pigsty: ctx.pigstyVersion, supported } });
      }
    }
  }),
};

export const citusConsistencyRules: Rule[] = [inconsistent, primaryDb, extensionMissing, libsOrder, pgVersion];

