// Citus topology: shard and group identity of the clusters that form one Citus deployment
// (rules-reference §4). Pigsty checks none of it; Patroni reads `pg_shard` as its scope and
// `pg_group` as the Citus group, so a mistake here splits or breaks the distributed cluster.
import { citusDeployments, CitusDeployment, eachCitusDeployment, memberGroups } from './citus-deployments';
import { display } from './identity';
import { hostKey, valuePlace, writtenAt } from './places';
import { DOCS, Place, Rule, RuleContext } from './types';

const shardMissing: Rule = {
  code: 'citus/shard-missing',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'A Citus cluster has no `pg_shard`.', 'zh-cn': 'Citus 集群缺少 `pg_shard`。' },
  messages: {
    default: {
      en: 'Cluster `{cluster}` runs `pg_mode: citus` but has no `pg_shard`: Patroni falls back to `{cluster}` as its own Citus scope, so it does not join the other groups.',
      'zh-cn': '集群 `{cluster}` 使用 `pg_mode: citus` 却没有设置 `pg_shard`：Patroni 会退回以 `{cluster}` 作为独立的 Citus 作用域，该集群不会加入其他分组。',
    },
  },
  check(ctx) {
    const deployments = citusDeployments(ctx);
    const citusCount = deployments.reduce((n, d) => n + d.clusters.filter((c) => c.citus).length, 0);
    for (const dep of deployments) {
      for (const c of dep.clusters) {
        if (c.shard || !c.citus) continue;
        // alone, a shard-less Citus cluster still works as a one-group scope; beside others it was meant to join them
        ctx.report({ at: c.cluster.anchor, data: { cluster: c.cluster.name }, severity: citusCount > 1 ? 'error' : 'warning' });
      }
    }
  },
};

const groupInvalid: Rule = {
  code: 'citus/group-invalid',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: '`pg_group` is missing or not a non-negative integer.', 'zh-cn': '`pg_group` 缺失或不是非负整数。' },
  messages: {
    missing: {
      en: 'Cluster `{cluster}` of Citus shard `{shard}` has no `pg_group`: it silently becomes group 0, the coordinator.',
      'zh-cn': 'Citus 分片 `{shard}` 的集群 `{cluster}` 缺少 `pg_group`：它会被默认为 0 号分组，即协调者。',
    },
    invalid: {
      en: '`pg_group: {value}` is negative: Citus groups are 0 (coordinator) and 1..n (workers).',
      'zh-cn': '`pg_group: {value}` 为负数：Citus 分组编号为 0（协调者）与 1..n（工作节点）。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const c of dep.clusters) {
      if (!c.citus) continue;
      let missingReported = false;
      for (const m of memberGroups(ctx, c.cluster)) {
        if (!m.eff || m.eff.value === null) {
          if (!missingReported) {
            missingReported = true;
            ctx.report({
              messageId: 'missing',
              at: c.cluster.anchor,
              data: { cluster: c.cluster.name, shard: dep.shard },
              severity: dep.clusters.length > 1 ? 'error' : 'warning',
            });
          }
        } else if (isNegative(m.eff.value)) {
          // other non-integers are params/type's finding; a negative integer has the right type and the wrong meaning
          ctx.report({ messageId: 'invalid', at: valuePlace(m.eff, null), once: writtenAt(m.eff), data: { value: display(m.eff.value), cluster: c.cluster.name } });
        }
      }
    }
  }),
};

function isNegative(value: unknown): boolean {
  return (typeof value === 'number' && value < 0) || (typeof value === 'string' && /^\s*-\d+\s*$/.test(value));
}

interface GroupedCluster {
  name: string;
  group: number;
  place: Place;
}

/** Each cluster's group (its members' most common valid `pg_group`), in file order. */
function clusterGroups(ctx: RuleContext, dep: CitusDeployment): GroupedCluster[] {
  const out: GroupedCluster[] = [];
  for (const c of dep.clusters) {
    const counts = new Map<number, { n: number; place: Place }>();
    for (const m of memberGroups(ctx, c.cluster)) {
      if (m.group === null) continue;
      const seen = counts.get(m.group);
      if (seen) seen.n++;
      else counts.set(m.group, { n: 1, place: valuePlace(m.eff, hostKey(ctx, m.ip)) });
    }
    const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
    if (best) out.push({ name: c.cluster.name, group: best[0], place: best[1].place });
  }
  return out;
}

const noCoordinator: Rule = {
  code: 'citus/no-coordinator',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'A Citus deployment has no group 0 (coordinator).', 'zh-cn': 'Citus 部署中没有 0 号分组（协调者）。' },
  messages: {
    default: {
      en: 'Citus shard `{shard}` has no coordinator: no cluster has `pg_group: 0` (groups here: {groups}).',
      'zh-cn': 'Citus 分片 `{shard}` 没有协调者：没有任何集群设置 `pg_group: 0`（现有分组：{groups}）。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const groups = clusterGroups(ctx, dep);
    if (groups.length === 0 || groups.some((g) => g.group === 0)) return;
    const first = dep.clusters.find((c) => c.shard) ?? dep.clusters[0];
    ctx.report({
      at: first.shard ? valuePlace(first.shard, first.cluster.anchor) : first.cluster.anchor,
      data: { shard: dep.shard, groups: [...new Set(groups.map((g) => g.group))].sort((a, b) => a - b).join(', ') },
    });
  }),
};

const groupGap: Rule = {
  code: 'citus/group-gap',
  severity: 'warning',
  docs: DOCS.citus,
  description: { en: 'Citus groups are not numbered 0..n without gaps.', 'zh-cn': 'Citus 分组编号没有从 0 到 n 连续分配。' },
  messages: {
    default: {
      en: '`pg_group {group}` follows {previous} in Citus shard `{shard}`: group {missingGroup} is missing.',
      'zh-cn': 'Citus 分片 `{shard}` 中 `pg_group {group}` 紧跟在 {previous} 之后：缺少 {missingGroup} 号分组。',
    },
    many: {
      en: '`pg_group {group}` follows {previous} in Citus shard `{shard}`: groups {missingGroup} to {lastMissing} are missing.',
      'zh-cn': 'Citus 分片 `{shard}` 中 `pg_group {group}` 紧跟在 {previous} 之后：缺少 {missingGroup} 至 {lastMissing} 号分组。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const groups = clusterGroups(ctx, dep);
    const sorted = [...new Set(groups.map((g) => g.group))].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1] + 1) continue;
      const at = groups.find((g) => g.group === sorted[i])!;
      const data = { shard: dep.shard, group: sorted[i], previous: sorted[i - 1], missingGroup: sorted[i - 1] + 1, lastMissing: sorted[i] - 1 };
      ctx.report({ messageId: data.lastMissing > data.missingGroup ? 'many' : 'default', at: at.place, data });
    }
  }),
};

const groupClusterMismatch: Rule = {
  code: 'citus/group-cluster-mismatch',
  severity: 'error',
  docs: DOCS.citus,
  description: {
    en: 'A Citus group must be exactly one `pg_cluster`.',
    'zh-cn': '每个 Citus 分组必须恰好对应一个 `pg_cluster`。',
  },
  messages: {
    mixed: {
      en: 'Host `{host}` of cluster `{cluster}` has `pg_group: {group}`, but the rest of `{cluster}` is group {other}: one cluster cannot hold two Citus groups.',
      'zh-cn': '集群 `{cluster}` 的主机 `{host}` 设置了 `pg_group: {group}`，而 `{cluster}` 的其他成员属于 {other} 号分组：一个集群不能包含两个 Citus 分组。',
    },
    split: {
      en: 'Citus group {group} is split over clusters `{other}` and `{cluster}`: each group must be one cluster with one primary.',
      'zh-cn': 'Citus {group} 号分组被拆分到 `{other}` 与 `{cluster}` 两个集群：每个分组必须是一个只有一个主库的集群。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const groups = clusterGroups(ctx, dep);
    for (const c of dep.clusters) {
      const main = groups.find((g) => g.name === c.cluster.name);
      if (!main) continue;
      for (const m of memberGroups(ctx, c.cluster)) {
        if (m.group === null || m.group === main.group) continue;
        ctx.report({
          messageId: 'mixed',
          at: valuePlace(m.eff, hostKey(ctx, m.ip)),
          data: { host: m.ip, cluster: c.cluster.name, group: m.group, other: main.group },
          related: [{ at: main.place, message: { en: 'group {other} is set here', 'zh-cn': '{other} 号分组在此设置' } }],
        });
      }
    }
    const firstByGroup = new Map<number, GroupedCluster>();
    for (const g of groups) {
      const first = firstByGroup.get(g.group);
      if (!first) {
        firstByGroup.set(g.group, g);
        continue;
      }
      ctx.report({
        messageId: 'split',
        at: g.place,
        data: { group: g.group, cluster: g.name, other: first.name },
        related: [{ at: first.place, message: { en: 'cluster `{other}` is group {group}', 'zh-cn': '集群 `{other}` 是 {group} 号分组' } }],
      });
    }
  }),
};

const clusterName: Rule = {
  code: 'citus/cluster-name',
  severity: 'warning',
  docs: DOCS.citus,
  description: {
    en: 'A Citus cluster is not named `pg_shard` + `pg_group`.',
    'zh-cn': 'Citus 集群名不等于 `pg_shard` 与 `pg_group` 的组合。',
  },
  messages: {
    default: {
      en: 'Citus group {group} of shard `{shard}` is named `{cluster}`; Pigsty\'s Citus guide names it `{expected}` (`pg_shard` + `pg_group`), so instance names match the group numbers `pg list` shows.',
      'zh-cn': '分片 `{shard}` 的 Citus {group} 号分组名为 `{cluster}`；Pigsty 的 Citus 文档要求命名为 `{expected}`（`pg_shard` + `pg_group`），使实例名与 `pg list` 显示的分组号一致。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const groups = clusterGroups(ctx, dep);
    for (const c of dep.clusters) {
      const g = groups.find((x) => x.name === c.cluster.name);
      if (!c.shard || !g) continue;
      const expected = `${dep.shard}${g.group}`;
      if (c.cluster.name === expected) continue;
      const places = [...new Set(c.cluster.members.map((m) => m.cluster.entry!.valueNode ?? m.cluster.entry!.keyNode))];
      ctx.report({
        at: places[0],
        data: { cluster: c.cluster.name, expected, shard: dep.shard, group: g.group },
        related: places.slice(1).map((p) => ({ at: p, message: { en: '`pg_cluster: {cluster}` also written here', 'zh-cn': '此处同样写有 `pg_cluster: {cluster}`' } })),
      });
    }
  }),
};

export const citusRules: Rule[] = [
  shardMissing,
  groupInvalid,
  noCoordinator,
  groupGap,
  groupClusterMismatch,
  clusterName,
];

