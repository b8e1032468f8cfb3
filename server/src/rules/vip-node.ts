// The VIP interface (vip-manager's and keepalived's) and the node L2 VIP via keepalived (`vip_*`,
// rules-reference §5.2, asserted at roles/node/tasks/vip.yml only when a node playbook runs).
import { membersVersion, PgCluster } from '../engine/clusters';
import { display } from './identity';
import { compareVersions, isBlank, onceEach, truthy, valuePlace, writtenAt } from './places';
import { DOCS, Place, Rule, RuleContext } from './types';
import { judgedByUnit } from './units';
import { isIPv4Address } from './vip-address';

/** Linux accepts up to 15 bytes and no `/`, `:` or whitespace (dev_valid_name). */
const NIC_NAME = /^[^\s/:]{1,15}$/;
/** `pg_vip_interface: auto` (detect the NIC holding the host's IP) arrived with that default. */
const AUTO_SINCE = 'v4.4.0';

function nicProblem(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const v = value.trim();
  return !NIC_NAME.test(v) || v === '.' || v === '..' || isIPv4Address(v);
}

type InterfaceUnit = { cluster: PgCluster } | { ip: string };

/** `vipClusters`: the clusters with the PG VIP on; `nodeVipHosts`: the hosts with the node VIP on. */
export function interfaceRule(vipClusters: (ctx: RuleContext) => PgCluster[], nodeVipHosts: (ctx: RuleContext) => string[]): Rule {
  return {
    code: 'vip/interface',
    severity: 'error',
    docs: DOCS.vip,
    description: { en: 'The VIP interface cannot be a network interface name.', 'zh-cn': 'VIP 网卡参数不可能是合法的网卡名。' },
    messages: {
      invalid: {
        en: '`{param}: {value}` cannot be a network interface name (at most 15 characters, no spaces, `/` or `:`); use the NIC that holds the host\'s inventory IP, or `auto`.',
        'zh-cn': '`{param}: {value}` 不可能是网卡名（最多 15 个字符，不含空格、`/` 或 `:`）；请使用承载该主机清单 IP 的网卡，或 `auto`。',
      },
      autoTooOld: {
        en: '`{param}: auto` needs Pigsty {since} or later; this inventory is {version}, where the value is taken as a NIC name.',
        'zh-cn': '`{param}: auto` 需要 Pigsty {since} 及以上版本；此清单为 {version}，该值会被当作网卡名。',
      },
      eth0Default: {
        en: 'Cluster `{cluster}` enables the VIP without `pg_vip_interface`: before {since} it defaults to `eth0` (this inventory is {version}); set the NIC that holds the members\' IPs.',
        'zh-cn': '集群 `{cluster}` 启用了 VIP 但未设置 `pg_vip_interface`：{since} 之前其默认值为 `eth0`（此清单为 {version}）；请设置承载成员 IP 的网卡。',
      },
    },
    ...judgedByUnit<InterfaceUnit>({
      // each VIP cluster, then each host with the node VIP on
      list: (ctx) =>
        ctx.memo('vip/interface-units', () => {
          const units = new Map<string, InterfaceUnit>();
          for (const cluster of vipClusters(ctx)) units.set(`pg_vip_interface ${cluster.name}`, { cluster });
          for (const ip of nodeVipHosts(ctx)) units.set(`vip_interface ${ip}`, { ip });
          return units;
        }),
      touches: (unit, hosts) => ('ip' in unit ? hosts.has(unit.ip) : unit.cluster.members.some((m) => hosts.has(m.ip))),
      version: (unit) => ('ip' in unit ? 0 : membersVersion(unit.cluster)),
      judge(ctx, unit) {
        const old = compareVersions(ctx.pigstyVersion, AUTO_SINCE) < 0;
        const checkValue = (param: string, ip: string) => {
          const eff = ctx.resolver.explicit(ip, param);
          if (!eff || isBlank(eff.value)) return;
          if (typeof eff.value === 'string' && eff.value.trim().toLowerCase() === 'auto') {
            if (old) ctx.report({ messageId: 'autoTooOld', severity: 'warning', at: valuePlace(eff, null), once: writtenAt(eff), data: { param, since: AUTO_SINCE, version: ctx.pigstyVersion } });
          } else if (nicProblem(eff.value)) {
            ctx.report({ messageId: 'invalid', at: valuePlace(eff, null), once: writtenAt(eff), data: { param, value: display(eff.value) } });
          }
        };
        if ('ip' in unit) return checkValue('vip_interface', unit.ip);
        let defaulted = false;
        for (const m of unit.cluster.members) {
          checkValue('pg_vip_interface', m.ip);
          if (!ctx.resolver.explicit(m.ip, 'pg_vip_interface')) defaulted = true;
        }
        if (old && defaulted) {
          ctx.report({ messageId: 'eth0Default', severity: 'information', at: unit.cluster.anchor, data: { cluster: unit.cluster.name, since: AUTO_SINCE, version: ctx.pigstyVersion } });
        }
      },
    }),
  };
}

function vrid(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : null;
}

export const nodeVipRule: Rule = {
  code: 'vip/node-vip',
  severity: 'error',
  docs: DOCS.node,
  description: { en: 'A keepalived node VIP lacks `vip_address` or a valid, unique `vip_vrid`.', 'zh-cn': 'keepalived 节点 VIP 缺少 `vip_address`，或 `vip_vrid` 无效、不唯一。' },
  messages: {
    addressMissing: {
      en: 'Host `{host}` has `vip_enabled` but no `vip_address`: keepalived has nothing to bind.',
      'zh-cn': '主机 `{host}` 启用了 `vip_enabled` 但没有 `vip_address`：keepalived 没有可绑定的地址。',
    },
    addressInvalid: {
      en: '`vip_address: {value}` must be a bare IPv4 address, without `/prefix`.',
      'zh-cn': '`vip_address: {value}` 必须是不带 `/前缀` 的 IPv4 地址。',
    },
    vridMissing: {
      en: 'Host `{host}` has `vip_enabled` but no `vip_vrid` (1-254, unique in the L2 network).',
      'zh-cn': '主机 `{host}` 启用了 `vip_enabled` 但没有 `vip_vrid`（1-254，在二层网络中唯一）。',
    },
    vridRange: {
      en: '`vip_vrid: {value}` must be an integer from 1 to 254.',
      'zh-cn': '`vip_vrid: {value}` 必须是 1 到 254 之间的整数。',
    },
    vridClash: {
      en: '`vip_vrid: {vrid}` of VIP {vip} is already used by VIP {other} in the same subnet: VRRP routers with one id would take over each other\'s address.',
      'zh-cn': 'VIP {vip} 的 `vip_vrid: {vrid}` 已被同一子网中的 VIP {other} 使用：同一 VRRP 编号的路由器会互相抢占地址。',
    },
  },
  check(ctx) {
    const first = onceEach<unknown>();
    const missingAddress = onceEach<unknown>();
    const missingVrid = onceEach<unknown>();
    const byVrid = new Map<string, { vip: string; place: Place }>();
    for (const ip of ctx.resolver.hostIps()) {
      const enabled = ctx.resolver.get(ip, 'vip_enabled');
      if (!truthy(enabled?.value)) continue;
      const address = ctx.resolver.explicit(ip, 'vip_address');
      if (!address || isBlank(address.value)) {
        if (missingAddress(enabled?.entry ?? ip)) ctx.report({ messageId: 'addressMissing', at: valuePlace(enabled, null), data: { host: ip } });
      } else if (typeof address.value !== 'string' || !isIPv4Address(address.value.trim())) {
        if (first(writtenAt(address))) ctx.report({ messageId: 'addressInvalid', at: valuePlace(address, null), data: { value: display(address.value) } });
      }
      const id = ctx.resolver.explicit(ip, 'vip_vrid');
      if (!id || isBlank(id.value)) {
        if (missingVrid(enabled?.entry ?? ip)) ctx.report({ messageId: 'vridMissing', at: valuePlace(enabled, null), data: { host: ip } });
        continue;
      }
      const n = vrid(id.value);
      if (n === null || n < 1 || n > 254) {
        if (first(writtenAt(id))) ctx.report({ messageId: 'vridRange', at: valuePlace(id, null), data: { value: display(id.value) } });
        continue;
      }
      if (!address || typeof address.value !== 'string' || !isIPv4Address(address.value.trim())) continue;
      const vip = address.value.trim();
      const key = `${vip.split('.').slice(0, 3).join('.')}|${n}`; // the /24 the templates use
      const seen = byVrid.get(key);
      if (!seen) byVrid.set(key, { vip, place: valuePlace(id, null) });
      else if (seen.vip !== vip && first(`clash:${vip}|${n}`)) {
        ctx.report({
          messageId: 'vridClash',
          at: valuePlace(id, null),
          data: { vrid: n, vip, other: seen.vip },
          related: [{ at: seen.place, message: { en: '`vip_vrid: {vrid}` of VIP {other}', 'zh-cn': 'VIP {other} 的 `vip_vrid: {vrid}`' } }],
        });
      }
    }
  },
};
