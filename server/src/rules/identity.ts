// PostgreSQL, infra and etcd identity: the v4.5.0 `pg_id` asserts and `bin/validate` checks
// (rules-reference §2.1, §3.1 #3, #13, #15, #20-#22, §3.2).
import type { Node } from 'yaml';
import type { PgCluster } from '../engine/clusters';

import type { EffectiveValue } from '../engine/resolve';
import { isIPv4 } from './structure';
import { DOCS, Place, Rule, RuleContext } from './types';
import { eachPgCluster } from './units';

export const PG_ROLES = ['primary', 'replica', 'standby', 'offline', 'delayed'] as const;
const ROLE_ALIASES: Record<string, string> = {
  master: 'primary',
  leader: 'primary',
  main: 'primary',
  slave: 'replica',
  secondary: 'replica',
  follower: 'replica',
  standby_leader: 'standby',
  delay: 'delayed',
};
const PG_CLUSTER_NAME = /^[A-Za-z0-9-]+$/;

/** Where an effective value is written, or the host key when it comes from a default. */
function valuePlace(eff: EffectiveValue | undefined, fallback: Place): Place {
  return eff?.entry ? (eff.entry.valueNode ?? eff.entry.keyNode) : fallback;
}

function hostKey(ctx: RuleContext, ip: string): Node | null {
  return ctx.resolver.host(ip)?.occurrences[0]?.keyNode ?? null;
}

/** A non-negative integer, or a string of digits (the role's regex accepts `"1"`). */
export function seqNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
  return null;
}

const pgCluster: Rule = {
  code: 'identity/pg-cluster-name',
  severity: 'error',
  docs: DOCS.pgParam,
  description: { en: '`pg_cluster` is not a valid cluster name.', 'zh-cn': '`pg_cluster` 不是合法的集群名。' },
  messages: {
    pattern: {
      en: '`pg_cluster: {value}` is not a valid name: use letters, digits and `-` only (it becomes an etcd user, a service and DNS name).',
      'zh-cn': '`pg_cluster: {value}` 不是合法名称：只能使用字母、数字与 `-`（它会用作 etcd 用户名、服务名和 DNS 名称）。',
    },
    root: {
      en: '`pg_cluster: root` is reserved: `root` is the etcd root account.',
      'zh-cn': '`pg_cluster: root` 是保留名称：`root` 是 etcd 的根账号。',
    },
  },
  check(ctx) {
    const seen = new Set<unknown>();
    for (const ip of ctx.resolver.hostIps()) {
      const eff = ctx.resolver.explicit(ip, 'pg_cluster');
      if (!eff || seen.has(eff.entry)) continue;
      seen.add(eff.entry);
      const v = eff.value;
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' || !PG_CLUSTER_NAME.test(v)) {
        ctx.report({ messageId: 'pattern', at: valuePlace(eff, null), data: { value: String(v) } });
      } else if (v === 'root') {
        ctx.report({ messageId: 'root', at: valuePlace(eff, null) });
      }
    }
  },
};

const pgSeq: Rule = {
  code: 'identity/pg-seq',
  severity: 'error',
  docs: DOCS.pgCluster,
  description: {
    en: '`pg_seq` is missing, not a non-negative integer, or not unique in its cluster.',
    'zh-cn': '`pg_seq` 缺失、不是非负整数，或在集群内不唯一。',
  },
  messages: {
    missing: {
      en: 'Host `{host}` of cluster `{cluster}` has no `pg_seq`: every instance needs a unique number.',
      'zh-cn': '集群 `{cluster}` 的主机 `{host}` 缺少 `pg_seq`：每个实例都需要一个唯一编号。',
    },
    invalid: {
      en: '`pg_seq: {value}` must be a non-negative integer (host `{host}`, cluster `{cluster}`).',
      'zh-cn': '`pg_seq: {value}` 必须是非负整数（主机 `{host}`，集群 `{cluster}`）。',
    },
    duplicate: {
      en: '`pg_seq: {seq}` is used twice in cluster `{cluster}`: by `{other}` and by `{host}`; instance `{cluster}-{seq}` would be ambiguous.',
      'zh-cn': '集群 `{cluster}` 中 `pg_seq: {seq}` 被使用了两次：`{other}` 与 `{host}`；实例名 `{cluster}-{seq}` 将会冲突。',
    },
  },
  ...eachPgCluster((ctx, cluster) => {
    const bySeq = new Map<number, { ip: string; place: Place }>();
    for (const m of cluster.members) {
      const eff = ctx.resolver.get(m.ip, 'pg_seq');
      const base = { host: m.ip, cluster: cluster.name };
      if (!eff || eff.value === null || eff.value === undefined) {
        ctx.report({ messageId: 'missing', at: hostKey(ctx, m.ip), data: base });
        continue;
      }
      const seq = seqNumber(eff.value);
      const place = valuePlace(eff, hostKey(ctx, m.ip));
      if (seq === null) {
        ctx.report({ messageId: 'invalid', at: place, data: { ...base, value: display(eff.value) } });
        continue;
      }
      const first = bySeq.get(seq);
      if (first) {
        ctx.report({
          messageId: 'duplicate',
          at: place,
          data: { ...base, seq, other: first.ip },
          related: [{ at: first.place, message: { en: '`pg_seq: {seq}` first used here', 'zh-cn': '`pg_seq: {seq}` 首次使用于此' } }],
        });
      } else bySeq.set(seq, { ip: m.ip, place });
    }
  }),
};

const pgRole: Rule = {
  code: 'identity/pg-role',
  severity: 'error',
  docs: DOCS.pgCluster,
  description: { en: '`pg_role` is missing or not a Pigsty role.', 'zh-cn': '`pg_role` 缺失或不是 Pigsty 支持的角色。' },
  messages: {
    missing: {
      en: 'Host `{host}` of cluster `{cluster}` has no `pg_role` (primary, replica, standby, offline or delayed).',
      'zh-cn': '集群 `{cluster}` 的主机 `{host}` 缺少 `pg_role`（primary、replica、standby、offline 或 delayed）。',
    },
    invalid: {
      en: '`pg_role: {value}` is not a Pigsty role; use primary, replica, standby, offline or delayed.',
      'zh-cn': '`pg_role: {value}` 不是 Pigsty 支持的角色；请使用 primary、replica、standby、offline 或 delayed。',
    },
    alias: {
      en: '`pg_role: {value}` is not a Pigsty role: did you mean `{suggestion}`?',
      'zh-cn': '`pg_role: {value}` 不是 Pigsty 支持的角色：是否应为 `{suggestion}`？',
    },
  },
  ...eachPgCluster((ctx, cluster) => {
    for (const m of cluster.members) {
      const eff = ctx.resolver.get(m.ip, 'pg_role');
      if (!eff || eff.value === null || eff.value === undefined) {
        ctx.report({ messageId: 'missing', at: hostKey(ctx, m.ip), data: { host: m.ip, cluster: cluster.name } });
        continue;
      }
      const role = eff.value;
      if (typeof role === 'string' && (PG_ROLES as readonly string[]).includes(role)) continue;
      const suggestion = typeof role === 'string' ? ROLE_ALIASES[role.toLowerCase()] ?? lowerMatch(role) : undefined;
      ctx.report({
        messageId: suggestion ? 'alias' : 'invalid',
        at: valuePlace(eff, hostKey(ctx, m.ip)),
        data: suggestion ? { value: display(role), suggestion } : { value: display(role) },
      });
    }
  }),
};

function lowerMatch(role: string): string | undefined {
  const lower = role.toLowerCase();
  return (PG_ROLES as readonly string[]).includes(lower) ? lower : undefined;
}

const primaryCount: Rule = {
  code: 'identity/primary-count',
  severity: 'error',
  docs: DOCS.pgCluster,
  description: { en: 'A cluster needs exactly one primary.', 'zh-cn': '每个集群必须恰好有一个主库。' },
  messages: {
    none: {
      en: 'Cluster `{cluster}` has no primary: set `pg_role: primary` on exactly one of its {count} members.',
      'zh-cn': '集群 `{cluster}` 没有主库：请在其 {count} 个成员中恰好一个上设置 `pg_role: primary`。',
    },
    many: {
      en: 'Cluster `{cluster}` has a second primary `{host}` (already `{other}`): exactly one member may be `pg_role: primary`.',
      'zh-cn': '集群 `{cluster}` 出现第二个主库 `{host}`（已有 `{other}`）：只能有一个成员设置 `pg_role: primary`。',
    },
  },
  ...eachPgCluster(checkPrimaries),
};

function checkPrimaries(ctx: RuleContext, cluster: PgCluster): void {
  const primaries: { ip: string; place: Place }[] = [];
  let unknownRoles = false;
  for (const m of cluster.members) {
    const eff = ctx.resolver.get(m.ip, 'pg_role');
    if (eff?.value === 'primary') primaries.push({ ip: m.ip, place: valuePlace(eff, hostKey(ctx, m.ip)) });
    else if (!eff || typeof eff.value !== 'string' || !(PG_ROLES as readonly string[]).includes(eff.value)) unknownRoles = true;
  }
  // a cluster whose roles are missing or misspelled gets that finding, not a second one about primaries
  if (primaries.length === 0 && !unknownRoles) {
    ctx.report({ messageId: 'none', at: cluster.anchor, data: { cluster: cluster.name, count: cluster.members.length } });
  }
  for (const extra of primaries.slice(1)) {
    ctx.report({
      messageId: 'many',
      at: extra.place,
      data: { cluster: cluster.name, host: extra.ip, other: primaries[0].ip },
      related: [{ at: primaries[0].place, message: { en: 'the first primary', 'zh-cn': '第一个主库' } }],
    });
  }
}

function seqRule(code: string, param: 'infra_seq' | 'etcd_seq', group: string, docs: string): Rule {
  return {
    code,
    severity: 'error',
    docs,
    description: {
      en: `\`${param}\` is missing on a \`${group}\` member or not a non-negative integer.`,
      'zh-cn': `\`${group}\` 成员缺少 \`${param}\`，或其值不是非负整数。`,
    },
    messages: {
      missing: {
        en: `Host \`{host}\` of group \`${group}\` has no \`${param}\`: each ${group} member needs a non-negative integer.`,
        'zh-cn': `\`${group}\` 分组的主机 \`{host}\` 缺少 \`${param}\`：每个 ${group} 成员都需要一个非负整数编号。`,
      },
      invalid: {
        en: `\`${param}: {value}\` must be a non-negative integer (host \`{host}\`).`,
        'zh-cn': `\`${param}: {value}\` 必须是非负整数（主机 \`{host}\`）。`,
      },
    },
    check(ctx) {
      for (const g of ctx.inventory.groupsByName.get(group) ?? []) {
        for (const h of g.hosts) {
          const eff = ctx.resolver.get(h.ip, param);
          if (!eff || eff.value === null || eff.value === undefined) {
            ctx.report({ messageId: 'missing', at: h.keyNode, data: { host: h.ip } });
          } else if (typeof eff.value !== 'number' || !Number.isInteger(eff.value) || eff.value < 0) {
            ctx.report({ messageId: 'invalid', at: valuePlace(eff, h.keyNode), data: { host: h.ip, value: display(eff.value) } });
          }
        }
      }
    },
  };
}

const adminIp: Rule = {
  code: 'identity/admin-ip',
  severity: 'error',
  docs: DOCS.infra,
  description: { en: '`admin_ip` is missing from `all.vars` or not an IPv4 address.', 'zh-cn': '`all.vars` 缺少 `admin_ip`，或其值不是 IPv4 地址。' },
  messages: {
    missing: {
      en: '`all.vars` has no `admin_ip`: set it to the IPv4 address of the admin node.',
      'zh-cn': '`all.vars` 缺少 `admin_ip`：请设置为管理节点的 IPv4 地址。',
    },
    invalid: {
      en: '`admin_ip: {value}` is not an IPv4 address.',
      'zh-cn': '`admin_ip: {value}` 不是 IPv4 地址。',
    },
  },
  check(ctx) {
    const inv = ctx.inventory;
    const entry = inv.globalVars.get('admin_ip');
    if (!entry) {
      ctx.report({ messageId: 'missing', at: inv.varsKey ?? inv.allKey });
    } else if (!isIPv4(entry.value)) {
      ctx.report({ messageId: 'invalid', at: entry.valueNode ?? entry.keyNode, data: { value: display(entry.value) } });
    }
  },
};

export function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}


export const identityRules: Rule[] = [
  pgCluster,
  pgSeq,
  pgRole,
  primaryCount,
  seqRule('identity/infra-seq', 'infra_seq', 'infra', DOCS.infra),
  seqRule('identity/etcd-seq', 'etcd_seq', 'etcd', DOCS.etcd),
  adminIp,
];
