// PostgreSQL L2 VIP (vip-manager, `pg_vip_*`) on clusters whose effective `pg_vip_enabled` is true
// (rules-reference §5.1). `bin/validate` only checks the address when the VIP is *disabled*.
import { defaultOf } from '../catalog/params';
import type { PgCluster } from '../engine/clusters';
import type { EffectiveValue } from '../engine/resolve';
import { citusDeployments } from './citus-deployments';
import { display } from './identity';
import { byMembers } from './byMembers';
import { entriesNamed, hostKey, isBlank, onceEach, truthy, valuePlace, writtenAt } from './places';
import { DOCS, Place, Rule, RuleContext } from './types';
import { inSubnet, isIPv4Address, prefixNumber, splitVip, subnet } from './vip-address';
import { eachOfClusters } from './units';
import { interfaceRule, nodeVipRule } from './vip-node';

interface VipUse {
  /** The cluster's name. */
  cluster: string;
  eff: EffectiveValue;
  address: string;
  prefix: number;
  /** Members that carry this value. */
  ips: string[];
}

const enablesVip = byMembers(['pg_vip_enabled'], (ctx, cluster) => cluster.members.some((m) => truthy(ctx.resolver.value(m.ip, 'pg_vip_enabled'))));

function vipClusters(ctx: RuleContext): PgCluster[] {
  return ctx.memo('vip/clusters', () => [...ctx.pgClusters().values()].filter((c) => enablesVip(ctx, c)));
}

/** The VIP clusters by name: what the VIP rules that judge cluster by cluster go through. */
const vipClusterList = (ctx: RuleContext) => ctx.memo('vip/clusters-by-name', () => new Map(vipClusters(ctx).map((c) => [c.name, c])));

/** Each written `pg_vip_address` of one cluster's members (a value the cluster shares with others is reported `once`). */
function eachWrittenVip(ctx: RuleContext, cluster: PgCluster, visit: (eff: EffectiveValue) => void): void {
  for (const m of cluster.members) {
    const eff = ctx.resolver.explicit(m.ip, 'pg_vip_address');
    if (eff) visit(eff);
  }
}

function vipUses(ctx: RuleContext): VipUse[] {
  return ctx.memo('vip/uses', () => vipClusters(ctx).flatMap((c) => usesOf(ctx, c)));
}

/** The cluster's usable VIPs, one per written value, with the members that carry it. */
const usesOf = byMembers(['pg_vip_address'], (ctx, cluster): VipUse[] => {
  const byEntry = new Map<unknown, VipUse>();
  for (const m of cluster.members) {
    const eff = ctx.resolver.explicit(m.ip, 'pg_vip_address');
    const parts = eff ? splitVip(eff.value) : null;
    if (!eff || !parts || !isIPv4Address(parts.address) || parts.address.startsWith('127.')) continue;
    const prefix = parts.prefixText === null ? 24 : prefixNumber(parts.prefixText);
    if (prefix === null) continue;
    const use = byEntry.get(eff.entry);
    if (use) use.ips.push(m.ip);
    else byEntry.set(eff.entry, { cluster: cluster.name, eff, address: parts.address, prefix, ips: [m.ip] });
  }
  return [...byEntry.values()];
});

/** Hosts with the keepalived node VIP enabled, each with its written `vip_address`. */
function nodeVips(ctx: RuleContext): { ip: string; eff: EffectiveValue | undefined }[] {
  return ctx.memo('vip/node-vips', () => {
    // `vip_enabled` defaults to false: with no place that turns it on, no host is asked
    if (!truthy(defaultOf('vip_enabled')?.value) && !entriesNamed(ctx, ['vip_enabled']).some((e) => truthy(e.value))) return [];
    return ctx.resolver.hostIps().flatMap((ip) => (truthy(ctx.resolver.value(ip, 'vip_enabled')) ? [{ ip, eff: ctx.resolver.explicit(ip, 'vip_address') }] : []));
  });
}

const vipRelated = (at: Place) => ({ at, message: { en: 'the VIP {vip} is set here', 'zh-cn': 'VIP {vip} 在此设置' } });

const addressMissing: Rule = {
  code: 'vip/address-missing',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: '`pg_vip_enabled` without a `pg_vip_address`.', 'zh-cn': '启用了 `pg_vip_enabled` 却没有设置 `pg_vip_address`。' },
  messages: {
    default: {
      en: 'Cluster `{cluster}` enables the L2 VIP but has no `pg_vip_address` for `{host}`: the default `127.0.0.1/24` is never a usable VIP.',
      'zh-cn': '集群 `{cluster}` 启用了二层 VIP，但 `{host}` 没有 `pg_vip_address`：默认值 `127.0.0.1/24` 不可能是可用的 VIP。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) => {
    for (const m of cluster.members) {
      if (!truthy(ctx.resolver.value(m.ip, 'pg_vip_enabled'))) continue;
      const eff = ctx.resolver.explicit(m.ip, 'pg_vip_address');
      const parts = eff ? splitVip(eff.value) : null;
      if (eff && parts && !parts.address.startsWith('127.')) continue;
      ctx.report({ at: eff && !isBlank(eff.value) ? valuePlace(eff, cluster.anchor) : cluster.anchor, data: { cluster: cluster.name, host: m.ip } });
      break;
    }
  }),
};

const addressInvalid: Rule = {
  code: 'vip/address-invalid',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: '`pg_vip_address` is not an IPv4 address.', 'zh-cn': '`pg_vip_address` 不是 IPv4 地址。' },
  messages: {
    default: {
      en: '`pg_vip_address: {value}` is not `<ipv4>/<prefix>`: `{address}` is not an IPv4 address (cluster `{cluster}`).',
      'zh-cn': '`pg_vip_address: {value}` 不是 `<ipv4>/<prefix>` 格式：`{address}` 不是 IPv4 地址（集群 `{cluster}`）。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) =>
    eachWrittenVip(ctx, cluster, (eff) => {
      if (isBlank(eff.value)) return;
      const parts = splitVip(eff.value);
      if (parts && isIPv4Address(parts.address)) return;
      ctx.report({ at: valuePlace(eff, null), once: writtenAt(eff), data: { value: display(eff.value), address: parts?.address ?? display(eff.value), cluster: cluster.name } });
    }),
  ),
};

const prefixMissing: Rule = {
  code: 'vip/prefix-missing',
  severity: 'warning',
  docs: DOCS.vip,
  description: { en: '`pg_vip_address` has no `/prefix`.', 'zh-cn': '`pg_vip_address` 缺少 `/前缀长度`。' },
  messages: {
    default: {
      en: '`pg_vip_address: {vip}` has no `/prefix`: vip-manager assumes /{prefix}, and `{placeholder}` in `pg_listen` is left unreplaced. Write `{vip}/{prefix}` if that is the subnet.',
      'zh-cn': '`pg_vip_address: {vip}` 缺少 `/前缀长度`：vip-manager 会假定为 /{prefix}，且 `pg_listen` 中的 `{placeholder}` 不会被替换。若子网确实如此，请写成 `{vip}/{prefix}`。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) =>
    eachWrittenVip(ctx, cluster, (eff) => {
      const parts = splitVip(eff.value);
      if (!parts || parts.prefixText !== null || !isIPv4Address(parts.address) || parts.address.startsWith('127.')) return;
      ctx.report({ at: valuePlace(eff, null), once: writtenAt(eff), data: { vip: parts.address, prefix: 24, cluster: cluster.name, placeholder: '${vip}' } });
    }),
  ),
};

const prefixRange: Rule = {
  code: 'vip/prefix-range',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: 'The `pg_vip_address` prefix is not 0-32.', 'zh-cn': '`pg_vip_address` 的前缀长度不在 0-32 之间。' },
  messages: {
    default: {
      en: '`pg_vip_address: {value}` has prefix `/{prefix}`: an IPv4 prefix is a number from 0 to 32.',
      'zh-cn': '`pg_vip_address: {value}` 的前缀为 `/{prefix}`：IPv4 前缀长度必须是 0 到 32 之间的数字。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) =>
    eachWrittenVip(ctx, cluster, (eff) => {
      const parts = splitVip(eff.value);
      if (!parts || parts.prefixText === null || !isIPv4Address(parts.address) || prefixNumber(parts.prefixText) !== null) return;
      ctx.report({ at: valuePlace(eff, null), once: writtenAt(eff), data: { value: display(eff.value), prefix: parts.prefixText, cluster: cluster.name } });
    }),
  ),
};

const networkAddress: Rule = {
  code: 'vip/network-address',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: 'The VIP is the network or broadcast address of its subnet.', 'zh-cn': 'VIP 是其子网的网络地址或广播地址。' },
  messages: {
    network: {
      en: 'VIP {vip} is the network address of {vip}/{prefix}: pick a host address inside the subnet.',
      'zh-cn': 'VIP {vip} 是 {vip}/{prefix} 的网络地址：请选择子网内的主机地址。',
    },
    broadcast: {
      en: 'VIP {vip} is the broadcast address of {vip}/{prefix}: pick a host address inside the subnet.',
      'zh-cn': 'VIP {vip} 是 {vip}/{prefix} 的广播地址：请选择子网内的主机地址。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) => {
    for (const use of usesOf(ctx, cluster)) {
      if (use.prefix > 30) continue; // /31 and /32 have no network or broadcast address
      const net = subnet(use.address, use.prefix);
      const kind = use.address === net.network ? 'network' : use.address === net.broadcast ? 'broadcast' : null;
      if (kind) ctx.report({ messageId: kind, at: valuePlace(use.eff, null), data: { vip: use.address, prefix: use.prefix, kind, cluster: use.cluster } });
    }
  }),
};

const memberOutsideSubnet: Rule = {
  code: 'vip/member-outside-subnet',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: 'A cluster member is outside the subnet of its VIP.', 'zh-cn': '集群成员不在其 VIP 所在的子网内。' },
  messages: {
    default: {
      en: 'Host `{host}` of cluster `{cluster}` is outside {vip}/{prefix}: the L2 VIP cannot float to it when it becomes primary.',
      'zh-cn': '集群 `{cluster}` 的主机 `{host}` 不在 {vip}/{prefix} 子网内：当它成为主库时，二层 VIP 无法漂移到它上面。',
    },
  },
  ...eachOfClusters(vipClusterList, (ctx, cluster) => {
    for (const use of usesOf(ctx, cluster)) {
      if (use.prefix > 30) continue;
      for (const ip of use.ips) {
        if (!isIPv4Address(ip) || inSubnet(ip, use.address, use.prefix)) continue;
        ctx.report({
          at: hostKey(ctx, ip),
          data: { host: ip, cluster: use.cluster, vip: use.address, prefix: use.prefix },
          related: [vipRelated(valuePlace(use.eff, null))],
        });
      }
    }
  }),
};

const hostIpCollision: Rule = {
  code: 'vip/host-ip-collision',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: 'A VIP equals the IP of a host in the inventory.', 'zh-cn': 'VIP 与配置清单中某台主机的 IP 相同。' },
  messages: {
    default: {
      en: 'VIP {vip} of cluster `{cluster}` is the address of host `{host}`: a VIP must be a free address, not a node\'s own IP.',
      'zh-cn': '集群 `{cluster}` 的 VIP {vip} 是主机 `{host}` 的地址：VIP 必须是空闲地址，而不是某个节点自身的 IP。',
    },
    node: {
      en: 'Node VIP `vip_address: {vip}` is the address of host `{host}`: keepalived needs a free address.',
      'zh-cn': '节点 VIP `vip_address: {vip}` 是主机 `{host}` 的地址：keepalived 需要一个空闲地址。',
    },
  },
  check(ctx) {
    const hostAt = (ip: string) => [{ at: hostKey(ctx, ip), message: { en: 'host {host} is written here', 'zh-cn': '主机 {host} 在此定义' } }];
    for (const use of vipUses(ctx)) {
      if (!ctx.resolver.host(use.address)) continue;
      ctx.report({ at: valuePlace(use.eff, null), data: { vip: use.address, host: use.address, cluster: use.cluster }, related: hostAt(use.address) });
    }
    const first = onceEach<unknown>();
    for (const { eff } of nodeVips(ctx)) {
      if (!eff || typeof eff.value !== 'string' || !ctx.resolver.host(eff.value.trim()) || !first(writtenAt(eff))) continue;
      ctx.report({ messageId: 'node', at: valuePlace(eff, null), data: { vip: eff.value.trim(), host: eff.value.trim() }, related: hostAt(eff.value.trim()) });
    }
  },
};

const duplicate: Rule = {
  code: 'vip/duplicate',
  severity: 'error',
  docs: DOCS.vip,
  description: { en: 'Two clusters use the same VIP.', 'zh-cn': '两个集群使用了同一个 VIP。' },
  messages: {
    default: {
      en: 'VIP {vip} of cluster `{cluster}` is already the VIP of cluster `{other}`: two vip-managers would fight over one address.',
      'zh-cn': '集群 `{cluster}` 的 VIP {vip} 已是集群 `{other}` 的 VIP：两个 vip-manager 会争抢同一个地址。',
    },
    nodeVip: {
      en: 'VIP {vip} of cluster `{cluster}` is also the keepalived `vip_address` of host `{host}`: vip-manager and keepalived would fight over one address.',
      'zh-cn': '集群 `{cluster}` 的 VIP {vip} 同时是主机 `{host}` 的 keepalived `vip_address`：vip-manager 与 keepalived 会争抢同一个地址。',
    },
  },
  check(ctx) {
    const shardOf = new Map<string, string>();
    for (const dep of citusDeployments(ctx)) for (const c of dep.clusters) shardOf.set(c.cluster.name, dep.shard);
    const firstByVip = new Map<string, VipUse>();
    for (const use of vipUses(ctx)) {
      const first = firstByVip.get(use.address);
      if (!first) {
        firstByVip.set(use.address, use);
        continue;
      }
      if (first.cluster === use.cluster) continue;
      const shard = shardOf.get(use.cluster);
      if (shard !== undefined && shard === shardOf.get(first.cluster)) continue; // citus/shared-vip says it
      ctx.report({ at: valuePlace(use.eff, null), data: { vip: use.address, cluster: use.cluster, other: first.cluster }, related: [vipRelated(valuePlace(first.eff, null))] });
    }
    for (const { ip, eff: nodeVip } of nodeVips(ctx)) {
      const use = typeof nodeVip?.value === 'string' ? firstByVip.get(nodeVip.value.trim()) : undefined;
      if (!use) continue;
      ctx.report({ messageId: 'nodeVip', at: valuePlace(use.eff, null), data: { vip: use.address, cluster: use.cluster, host: ip }, related: [vipRelated(valuePlace(nodeVip, null))] });
      firstByVip.delete(use.address);
    }
  },
};

export const vipRules: Rule[] = [
  addressMissing,
  addressInvalid,
  prefixMissing,
  prefixRange,
  networkAddress,
  memberOutsideSubnet,
  hostIpCollision,
  duplicate,
  interfaceRule(vipClusters, (ctx) => nodeVips(ctx).map((n) => n.ip)),
  nodeVipRule,
];

