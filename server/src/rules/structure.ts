// The inventory's shape, as Pigsty's `bin/validate` requires it (rules-reference §1.1, §3.1 #1, #8-#11).
import { isMap, isScalar, Node } from 'yaml';
import { keyText } from '../engine/model';
import type { GroupEntry } from '../engine/model';
import { scopeGroups } from './places';
import { DOCS, Rule, RuleContext } from './types';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(value: unknown): value is string {
  return typeof value === 'string' && IPV4.test(value);
}

function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === ''));
}

const missingAll: Rule = {
  code: 'structure/missing-all',
  severity: 'error',
  docs: DOCS.inventory,
  description: { en: 'The inventory has no top-level `all` map.', 'zh-cn': '配置清单缺少顶层 `all` 映射。' },
  messages: {
    default: {
      en: 'A Pigsty inventory starts with `all:` holding `vars:` and `children:`; this file has no top-level `all`.',
      'zh-cn': 'Pigsty 配置清单应以 `all:` 开头，其下包含 `vars:` 与 `children:`；此文件没有顶层 `all`。',
    },
    notMap: {
      en: '`all` must be a map with `vars:` and `children:`, not {kind}.',
      'zh-cn': '`all` 必须是包含 `vars:` 与 `children:` 的映射，而不是{kind}。',
    },
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv.allKey) {
      const root = inv.doc?.contents ?? null;
      ctx.report({ at: root ?? { start: 0, end: Math.min(ctx.text.length, firstLineEnd(ctx.text)) } });
    } else if (!isMap(inv.allNode)) {
      ctx.report({ messageId: 'notMap', at: inv.allNode ?? inv.allKey, data: { kind: kindOf(inv.allNode, ctx) } });
    }
  },
};

const children: Rule = {
  code: 'structure/children',
  severity: 'error',
  docs: DOCS.inventory,
  description: { en: '`all.children` is missing or not a map.', 'zh-cn': '`all.children` 缺失或不是映射。' },
  messages: {
    missing: {
      en: '`all` has no `children:`: every group (pg clusters, etcd, infra) lives under `all.children`.',
      'zh-cn': '`all` 下没有 `children:`：所有分组（PG 集群、etcd、infra）都应位于 `all.children` 之下。',
    },
    notMap: {
      en: '`all.children` must be a map of groups, not {kind}.',
      'zh-cn': '`all.children` 必须是分组映射，而不是{kind}。',
    },
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!isMap(inv.allNode)) return;
    if (!inv.childrenKey) ctx.report({ messageId: 'missing', at: inv.allKey });
    else if (!isMap(inv.childrenNode)) {
      ctx.report({ messageId: 'notMap', at: inv.childrenNode ?? inv.childrenKey, data: { kind: kindOf(inv.childrenNode, ctx) } });
    }
  },
};

const varsNotMap: Rule = {
  code: 'structure/vars-not-map',
  severity: 'error',
  docs: DOCS.parameter,
  description: { en: '`vars` is not a map of parameters.', 'zh-cn': '`vars` 不是参数映射。' },
  messages: {
    default: {
      en: '`{where}` must be a map of parameters, not {kind}.',
      'zh-cn': '`{where}` 必须是参数映射，而不是{kind}。',
    },
  },
  local: true,
  check(ctx) {
    const inv = ctx.inventory;
    const withGlobal = !ctx.localScope || ctx.localScope.globalVars;
    if (withGlobal && inv.varsKey && !isMap(inv.varsNode) && !isEmptyValue(inv.varsNode)) {
      ctx.report({ at: inv.varsNode ?? inv.varsKey, data: { where: 'all.vars', kind: kindOf(inv.varsNode, ctx) } });
    }
    for (const g of scopeGroups(ctx)) {
      if (g.varsKey && !isMap(g.varsNode) && !isEmptyValue(g.varsNode)) {
        ctx.report({ at: g.varsNode ?? g.varsKey, data: { where: `${g.name}.vars`, kind: kindOf(g.varsNode, ctx) } });
      }
    }
  },
};

const groupHosts: Rule = {
  code: 'structure/group-hosts',
  severity: 'error',
  docs: DOCS.inventory,
  description: { en: 'A group has no hosts map, or an empty one.', 'zh-cn': '分组没有 hosts 映射，或 hosts 为空。' },
  messages: {
    empty: {
      en: 'Group `{group}` is empty: give it `hosts:` with at least one IP.',
      'zh-cn': '分组 `{group}` 为空：请为其添加 `hosts:`，至少包含一个 IP。',
    },
    noHosts: {
      en: 'Group `{group}` has no `hosts:`; Pigsty needs at least one host per group.',
      'zh-cn': '分组 `{group}` 没有 `hosts:`；Pigsty 要求每个分组至少有一台主机。',
    },
    notMap: {
      en: '`{group}.hosts` must be a map keyed by IP address, not {kind}.',
      'zh-cn': '`{group}.hosts` 必须是以 IP 地址为键的映射，而不是{kind}。',
    },
    emptyHosts: {
      en: '`{group}.hosts` is empty: list at least one host IP.',
      'zh-cn': '`{group}.hosts` 为空：请至少列出一个主机 IP。',
    },
  },
  local: true,
  check(ctx) {
    for (const g of scopeGroups(ctx)) {
      if (g.childrenNode && isMap(g.childrenNode) && !g.hostsKey) continue; // a parent of other groups
      if (!isMap(g.node)) {
        if (isEmptyValue(g.node)) ctx.report({ messageId: 'empty', at: g.keyNode, data: { group: g.name } });
        else ctx.report({ messageId: 'notMap', at: g.node, data: { group: g.name, kind: kindOf(g.node, ctx) } });
      } else if (!g.hostsKey) {
        ctx.report({ messageId: 'noHosts', at: g.keyNode, data: { group: g.name } });
      } else if (!isMap(g.hostsNode)) {
        if (isEmptyValue(g.hostsNode)) ctx.report({ messageId: 'emptyHosts', at: g.hostsKey, data: { group: g.name } });
        else ctx.report({ messageId: 'notMap', at: g.hostsNode, data: { group: g.name, kind: kindOf(g.hostsNode, ctx) } });
      } else if (g.hostsNode.items.length === 0) {
        ctx.report({ messageId: 'emptyHosts', at: g.hostsNode, data: { group: g.name } });
      }
    }
  },
};

const hostKey: Rule = {
  code: 'structure/host-not-ipv4',
  severity: 'error',
  docs: DOCS.inventory,
  description: { en: 'A host key is not an IPv4 address.', 'zh-cn': '主机键不是 IPv4 地址。' },
  messages: {
    default: {
      en: 'Host `{host}` in group `{group}` is not an IPv4 address: Pigsty uses the host key as the node IP (listen addresses, etcd peers, HBA).',
      'zh-cn': '分组 `{group}` 中的主机 `{host}` 不是 IPv4 地址：Pigsty 把主机键直接用作节点 IP（监听地址、etcd 对等节点、HBA）。',
    },
  },
  local: true,
  check(ctx) {
    for (const g of scopeGroups(ctx)) {
      if (!isMap(g.hostsNode)) continue;
      for (const pair of g.hostsNode.items) {
        const ip = keyText(pair.key);
        if (ip !== null && !isIPv4(ip)) ctx.report({ at: pair.key as Node, data: { host: ip, group: g.name } });
      }
    }
  },
};

const hostVars: Rule = {
  code: 'structure/host-vars-not-map',
  severity: 'error',
  docs: DOCS.inventory,
  description: { en: 'A host entry is not a map of host variables.', 'zh-cn': '主机条目不是主机变量映射。' },
  messages: {
    default: {
      en: 'Host `{host}` must map to its variables (`{ pg_seq: 1, pg_role: primary }`) or be empty, not {kind}.',
      'zh-cn': '主机 `{host}` 的值必须是变量映射（如 `{ pg_seq: 1, pg_role: primary }`）或为空，而不是{kind}。',
    },
  },
  local: true,
  check(ctx) {
    for (const g of scopeGroups(ctx)) {
      for (const h of g.hosts) {
        if (!isMap(h.valueNode) && !isEmptyValue(h.valueNode)) {
          ctx.report({ at: h.valueNode, data: { host: h.ip, kind: kindOf(h.valueNode, ctx) } });
        }
      }
    }
  },
};

/** Module of a group as `bin/validate` decides it: by group name (infra) or by `<x>_cluster` in group vars. */
function groupModule(g: GroupEntry): string | null {
  if (g.name === 'infra') return 'infra';
  if (g.vars.has('pg_cluster')) return 'pgsql';
  if (g.vars.has('etcd_cluster')) return 'etcd';
  if (g.vars.has('minio_cluster')) return 'minio';
  if (g.vars.has('redis_cluster')) return 'redis';
  return null;
}

const hostTwoGroups: Rule = {
  code: 'structure/host-in-two-groups',
  severity: 'error',
  docs: DOCS.inventory,
  description: {
    en: 'One host is listed in two groups of the same module.',
    'zh-cn': '同一主机出现在同一模块的两个分组中。',
  },
  messages: {
    default: {
      en: 'Host `{host}` is in two {module} groups, `{first}` and `{second}`: a node belongs to one cluster per module.',
      'zh-cn': '主机 `{host}` 同时属于两个 {module} 分组 `{first}` 与 `{second}`：每个节点在同一模块中只能属于一个集群。',
    },
  },
  check(ctx) {
    for (const [ip, occurrences] of ctx.inventory.hostOccurrences) {
      const firstByModule = new Map<string, (typeof occurrences)[number]>();
      for (const occ of occurrences) {
        const module = groupModule(occ.group);
        if (!module) continue;
        const first = firstByModule.get(module);
        if (!first) firstByModule.set(module, occ);
        else if (first.group !== occ.group) {
          ctx.report({
            at: occ.keyNode,
            data: { host: ip, module, first: first.group.name, second: occ.group.name },
            related: [{ at: first.keyNode, message: { en: 'first listed here', 'zh-cn': '首次出现于此' } }],
          });
        }
      }
    }
  },
};

function kindOf(node: Node | null, ctx: RuleContext): string {
  const zh = ctx.lang === 'zh-cn';
  if (node === null) return zh ? '空值' : 'an empty value';
  if (isMap(node)) return zh ? '映射' : 'a map';
  if (isScalar(node)) return zh ? `标量 \`${String(node.value)}\`` : `the scalar \`${String(node.value)}\``;
  return zh ? '列表' : 'a list';
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

export const structureRules: Rule[] = [missingAll, children, varsNotMap, groupHosts, hostKey, hostVars, hostTwoGroups];
