// Literal IPs left behind: an address in the inventory's own subnets that no host, VIP or
// `admin_ip` owns, written where Pigsty sends traffic (/etc/hosts, DNS, portal, HAProxy). Typical
// after a node is removed, as in the 2-of-3 failure recovery (rules-reference §7).
import { isMap, isScalar, isSeq, Node } from 'yaml';
import { findPair, keyText, resolveAlias } from '../engine/model';
import { entriesNamed } from './places';
import { DOCS, Rule, RuleContext } from './types';
import { isIPv4Address, splitVip } from './vip-address';

/** Parameters whose items are `"<ip> name..."` records or bare addresses. */
const RECORD_LISTS = new Set(['node_etc_hosts', 'node_default_etc_hosts', 'dns_records', 'node_dns_servers']);
/** Every parameter that may write an address somewhere traffic goes. */
const USES = [...RECORD_LISTS, 'infra_portal', 'haproxy_services'];
/** Parameters that give an address an owner besides the host keys. */
const OWNERS = ['admin_ip', 'vip_address', 'pg_vip_address'];

interface IpUse {
  ip: string;
  node: Node;
  param: string;
}

function scalarIp(node: Node | null, pick: (s: string) => string | undefined): { ip: string; node: Node } | null {
  if (!isScalar(node) || typeof node.value !== 'string') return null;
  const ip = pick(node.value.trim());
  return ip && isIPv4Address(ip) ? { ip, node } : null;
}

function collect(ctx: RuleContext): IpUse[] {
  const doc = ctx.inventory.doc;
  const out: IpUse[] = [];
  const add = (hit: { ip: string; node: Node } | null, param: string) => hit && out.push({ ...hit, param });
  for (const entry of entriesNamed(ctx, USES)) {
    const value = entry.valueNode;
    if (RECORD_LISTS.has(entry.name) && isSeq(value)) {
      for (const item of value.items) add(scalarIp(resolveAlias(doc, item), (s) => s.split(/\s+/)[0]), entry.name);
    } else if (entry.name === 'infra_portal' && isMap(value)) {
      for (const pair of value.items) {
        const server = resolveAlias(doc, pair.value as Node);
        const endpoint = findPair(server, 'endpoint');
        add(scalarIp(resolveAlias(doc, endpoint?.value ?? null), (s) => s.split(':')[0]), `infra_portal.${keyText(pair.key)}.endpoint`);
      }
    } else if (entry.name === 'haproxy_services' && isSeq(value)) {
      for (const svc of value.items) {
        const servers = resolveAlias(doc, findPair(resolveAlias(doc, svc), 'servers')?.value ?? null);
        if (!isSeq(servers)) continue;
        for (const s of servers.items) add(scalarIp(resolveAlias(doc, findPair(resolveAlias(doc, s), 'ip')?.value ?? null), (x) => x), 'haproxy_services.servers.ip');
      }
    }
  }
  return out;
}

/**
 * Addresses written for `admin_ip` and the node and PG VIPs. Every effective VIP is one of these or
 * the role default, which is a loopback address and never judged.
 */
function ownerAddresses(ctx: RuleContext): Set<string> {
  const owners = new Set<string>();
  for (const entry of entriesNamed(ctx, OWNERS)) {
    const parts = splitVip(entry.value);
    if (parts) owners.add(parts.address.trim());
  }
  return owners;
}

/** `10.10.10.3` → `10.10.10` (IPv4 only: callers check first). */
const subnet24 = (ip: string) => ip.slice(0, ip.lastIndexOf('.'));

export const staleIpRule: Rule = {
  code: 'infra/stale-ip',
  severity: 'warning',
  docs: DOCS.drill,
  description: {
    en: 'A literal IP in the inventory\'s subnets that no host, VIP or `admin_ip` owns.',
    'zh-cn': '清单网段内的某个字面 IP 不属于任何主机、VIP 或 `admin_ip`。',
  },
  messages: {
    default: {
      en: '`{ip}` in `{param}` is not a host of this inventory, a VIP or `admin_ip`: left over from a removed node? Traffic sent there goes nowhere.',
      'zh-cn': '`{param}` 中的 `{ip}` 不是本清单的主机、VIP 或 `admin_ip`：是否为已移除节点的残留？发往该地址的流量将无处可达。',
    },
  },
  check(ctx) {
    // the owners and the subnets are looked at only for an address that needs them: what the rule
    // did not read cannot make it run again (a VIP edit, in an inventory whose records name hosts)
    let owners: Set<string> | undefined;
    let ownSubnets: Set<string> | undefined;
    const owned = (ip: string) => ctx.resolver.host(ip) !== undefined || (owners ??= ownerAddresses(ctx)).has(ip);
    const inOwnSubnet = (ip: string) => (ownSubnets ??= new Set(ctx.resolver.hostIps().filter(isIPv4Address).map(subnet24))).has(subnet24(ip));
    const seen = new Set<Node>();
    for (const use of collect(ctx)) {
      if (use.ip.startsWith('127.') || use.ip === '0.0.0.0' || owned(use.ip) || !inOwnSubnet(use.ip) || seen.has(use.node)) continue;
      seen.add(use.node);
      ctx.report({ at: use.node, data: { ip: use.ip, param: use.param } });
    }
  },
};
