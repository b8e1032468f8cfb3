// Citus groups at run time: one primary per group (Patroni elects one leader per group, whatever
// the pg_cluster split) and one L2 VIP per group (vip-manager keys on <shard>/<group>/leader).
import { eachCitusDeployment, memberGroups } from './citus-deployments';
import { hostKey, truthy, valuePlace } from './places';
import { DOCS, Place, Rule } from './types';
import { splitVip } from './vip-address';

const groupPrimary: Rule = {
  code: 'citus/group-primary',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'A Citus group needs exactly one primary.', 'zh-cn': '每个 Citus 分组必须恰好有一个主库。' },
  messages: {
    none: {
      en: 'Citus group {group} of shard `{shard}` has no primary: none of its members has `pg_role: primary`.',
      'zh-cn': 'Citus 分片 `{shard}` 的 {group} 号分组没有主库：其成员均未设置 `pg_role: primary`。',
    },
    many: {
      en: 'Citus group {group} of shard `{shard}` has a second primary `{host}` (already `{other}`): Patroni elects one leader per group.',
      'zh-cn': 'Citus 分片 `{shard}` 的 {group} 号分组出现第二个主库 `{host}`（已有 `{other}`）：Patroni 每个分组只选举一个领导者。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const members = new Map<number, { ip: string; cluster: string; place: Place; primary: Place | null }[]>();
    for (const c of dep.clusters) {
      for (const m of memberGroups(ctx, c.cluster)) {
        if (m.group === null) continue;
        const role = ctx.resolver.get(m.ip, 'pg_role');
        const list = members.get(m.group) ?? [];
        list.push({ ip: m.ip, cluster: c.cluster.name, place: valuePlace(m.eff, hostKey(ctx, m.ip)), primary: role?.value === 'primary' ? valuePlace(role, hostKey(ctx, m.ip)) : null });
        members.set(m.group, list);
      }
    }
    for (const [group, list] of members) {
      const primaries = list.filter((m) => m.primary);
      const clusters = new Set(list.map((m) => m.cluster));
      // one cluster that is one whole group: identity/primary-count already speaks for it
      const wholeCluster = clusters.size === 1 && dep.clusters.every((c) => c.cluster.name !== list[0].cluster || c.cluster.members.length === list.length);
      if (wholeCluster) continue;
      if (primaries.length === 0) {
        ctx.report({ messageId: 'none', at: list[0].place, data: { group, shard: dep.shard } });
      }
      for (const extra of primaries.slice(1)) {
        if (extra.cluster === primaries[0].cluster) continue;
        ctx.report({
          messageId: 'many',
          at: extra.primary,
          data: { group, shard: dep.shard, host: extra.ip, other: primaries[0].ip },
          related: [{ at: primaries[0].primary, message: { en: 'the first primary of group {group}', 'zh-cn': '{group} 号分组的第一个主库' } }],
        });
      }
    }
  }),
};

const sharedVip: Rule = {
  code: 'citus/shared-vip',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'Two Citus groups use the same L2 VIP.', 'zh-cn': '两个 Citus 分组使用了同一个二层 VIP。' },
  messages: {
    default: {
      en: 'VIP {vip} of `{cluster}` is also the VIP of `{other}` in Citus shard `{shard}`: each group needs its own VIP, or two primaries fight over one address.',
      'zh-cn': '`{cluster}` 的 VIP {vip} 同时也是 Citus 分片 `{shard}` 中 `{other}` 的 VIP：每个分组需要独立的 VIP，否则两个主库会争抢同一个地址。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    const byVip = new Map<string, { cluster: string; place: Place }>();
    for (const c of dep.clusters) {
      const ip = c.cluster.members[0].ip;
      if (!truthy(ctx.resolver.value(ip, 'pg_vip_enabled'))) continue;
      const eff = ctx.resolver.explicit(ip, 'pg_vip_address');
      const vip = eff ? splitVip(eff.value)?.address : undefined;
      if (!vip) continue;
      const first = byVip.get(vip);
      const place = valuePlace(eff, c.cluster.anchor);
      if (!first) {
        byVip.set(vip, { cluster: c.cluster.name, place });
        continue;
      }
      ctx.report({
        at: place,
        data: { vip, cluster: c.cluster.name, other: first.cluster, shard: dep.shard },
        related: [{ at: first.place, message: { en: 'VIP {vip} of `{other}`', 'zh-cn': '`{other}` 的 VIP {vip}' } }],
      });
    }
  }),
};

export const citusGroupRules: Rule[] = [groupPrimary, sharedVip];
