// The etcd DCS as the PGSQL module sees it: Patroni and vip-manager read `groups['etcd']`
// (rules-reference §1.2, §2.5, §3.4); etcd member names are `<etcd_cluster>-<etcd_seq>`.
import { seqNumber } from './identity';
import { onceEach, valuePlace, writtenAt } from './places';
import { DOCS, Place, Rule } from './types';

const missingGroup: Rule = {
  code: 'etcd/missing-group',
  severity: 'error',
  docs: DOCS.etcd,
  description: { en: 'PostgreSQL clusters without a group named `etcd`.', 'zh-cn': '存在 PostgreSQL 集群，却没有名为 `etcd` 的分组。' },
  messages: {
    default: {
      en: 'Cluster `{cluster}` needs a DCS, but the inventory has no group named `etcd`: Patroni and vip-manager get no etcd endpoints.',
      'zh-cn': '集群 `{cluster}` 需要 DCS，但清单中没有名为 `etcd` 的分组：Patroni 与 vip-manager 将得不到任何 etcd 端点。',
    },
  },
  check(ctx) {
    if (ctx.inventory.groupsByName.has('etcd')) return;
    const first = ctx.pgClusters().values().next();
    if (first.done) return;
    ctx.report({ at: first.value.anchor, data: { cluster: first.value.name, clusters: ctx.pgClusters().size } });
  },
};

const clusterName: Rule = {
  code: 'etcd/cluster-name',
  severity: 'error',
  docs: DOCS.etcd,
  description: { en: '`etcd_cluster` is not the name of its group `etcd`.', 'zh-cn': '`etcd_cluster` 与其分组名 `etcd` 不一致。' },
  messages: {
    default: {
      en: '`etcd_cluster: {value}` on group `{group}`: the etcd role looks members up as `groups[etcd_cluster]` and PostgreSQL uses the group `etcd`, so both must be `{expected}`.',
      'zh-cn': '分组 `{group}` 上的 `etcd_cluster: {value}`：etcd 角色通过 `groups[etcd_cluster]` 查找成员，PostgreSQL 使用 `etcd` 分组，因此二者都必须是 `{expected}`。',
    },
  },
  check(ctx) {
    const first = onceEach<unknown>();
    for (const g of ctx.inventory.groupsByName.get('etcd') ?? []) {
      for (const h of g.hosts) {
        const eff = ctx.resolver.get(h.ip, 'etcd_cluster');
        if (!eff || eff.value === 'etcd' || !first(writtenAt(eff) ?? g)) continue;
        ctx.report({ at: valuePlace(eff, g.keyNode), data: { value: String(eff.value), group: g.name, expected: 'etcd' } });
      }
    }
  },
};

const seqDuplicate: Rule = {
  code: 'etcd/seq-duplicate',
  severity: 'error',
  docs: DOCS.etcd,
  description: { en: 'Two etcd members share one `etcd_seq`.', 'zh-cn': '两个 etcd 成员使用了同一个 `etcd_seq`。' },
  messages: {
    default: {
      en: '`etcd_seq: {seq}` is used by `{other}` and `{host}`: both would be etcd member `etcd-{seq}`.',
      'zh-cn': '`etcd_seq: {seq}` 同时被 `{other}` 与 `{host}` 使用：二者都会成为 etcd 成员 `etcd-{seq}`。',
    },
  },
  check(ctx) {
    const bySeq = new Map<number, { ip: string; place: Place }>();
    const seen = onceEach<string>();
    for (const g of ctx.inventory.groupsByName.get('etcd') ?? []) {
      for (const h of g.hosts) {
        if (!seen(h.ip)) continue;
        const eff = ctx.resolver.get(h.ip, 'etcd_seq');
        const seq = typeof eff?.value === 'number' ? seqNumber(eff.value) : null;
        if (seq === null) continue; // identity/etcd-seq reports missing and invalid values
        const place = valuePlace(eff, h.keyNode);
        const first = bySeq.get(seq);
        if (!first) {
          bySeq.set(seq, { ip: h.ip, place });
          continue;
        }
        ctx.report({ at: place, data: { seq, host: h.ip, other: first.ip }, related: [{ at: first.place, message: { en: '`etcd_seq: {seq}` first used here', 'zh-cn': '`etcd_seq: {seq}` 首次使用于此' } }] });
      }
    }
  },
};

const memberCount: Rule = {
  code: 'etcd/member-count',
  severity: 'warning',
  docs: DOCS.etcd,
  description: { en: 'The etcd member count gives no fault tolerance or too much overhead.', 'zh-cn': 'etcd 成员数无法提供容错，或开销过大。' },
  messages: {
    even: {
      en: 'etcd has {count} members: an even count tolerates no more failures than {lower} members do (quorum is {quorum}); use an odd number.',
      'zh-cn': 'etcd 有 {count} 个成员：偶数个成员的容错能力并不比 {lower} 个成员更强（法定人数为 {quorum}）；请使用奇数个成员。',
    },
    single: {
      en: 'etcd has a single member while cluster `{cluster}` has replicas: the DCS itself has no HA; losing this node stops automatic failover.',
      'zh-cn': 'etcd 只有一个成员，而集群 `{cluster}` 拥有从库：DCS 本身没有高可用，失去该节点后自动故障切换将停止工作。',
    },
    tooMany: {
      en: 'etcd has {count} members: more than 7 slows every write without real gain; 3 or 5 is the usual size.',
      'zh-cn': 'etcd 有 {count} 个成员：超过 7 个会拖慢每次写入而收益甚微；通常使用 3 或 5 个。',
    },
  },
  check(ctx) {
    const groups = ctx.inventory.groupsByName.get('etcd') ?? [];
    if (groups.length === 0) return;
    const members = new Set(groups.flatMap((g) => g.hosts.map((h) => h.ip)));
    const count = members.size;
    const at = groups[0].keyNode;
    if (count === 0) return;
    if (count > 7) ctx.report({ messageId: 'tooMany', at, data: { count } });
    else if (count % 2 === 0) ctx.report({ messageId: 'even', at, data: { count, lower: count - 1, quorum: count / 2 + 1 } });
    else if (count === 1) {
      const replicated = [...ctx.pgClusters().values()].find((c) => c.members.length > 1);
      if (replicated) ctx.report({ messageId: 'single', severity: 'information', at, data: { count, cluster: replicated.name } });
    }
  },
};

export const etcdRules: Rule[] = [missingGroup, clusterName, seqDuplicate, memberCount];

