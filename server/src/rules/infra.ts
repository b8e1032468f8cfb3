// Infra, admin node and module-level leftovers: `admin_ip` vs the `infra` group, `infra_seq`,
// MinIO (Silo) identity in `all.vars` (bin/validate #6, #7), and parameters a version removed.
import { removedParam, param } from '../catalog/params';
import { display, seqNumber } from './identity';
import { staleIpRule } from './infra-stale-ip';
import { allVarEntries, compareVersions, entriesNamed, onceEach, valuePlace } from './places';
import { isIPv4 } from './structure';
import { DOCS, Place, Rule } from './types';

const adminNotInfra: Rule = {
  code: 'infra/admin-not-infra',
  severity: 'warning',
  docs: DOCS.infra,
  description: { en: '`admin_ip` is not a member of the `infra` group.', 'zh-cn': '`admin_ip` 不是 `infra` 分组的成员。' },
  messages: {
    default: {
      en: '`admin_ip: {adminIp}` is not a host of the `infra` group: the repo, DNS and portal that `${admin_ip}` points to run on infra nodes.',
      'zh-cn': '`admin_ip: {adminIp}` 不是 `infra` 分组中的主机：`${admin_ip}` 所指向的软件源、DNS 与门户都运行在 infra 节点上。',
    },
  },
  check(ctx) {
    const groups = ctx.inventory.groupsByName.get('infra') ?? [];
    const infraHosts = new Set(groups.flatMap((g) => g.hosts.map((h) => h.ip)));
    const entry = ctx.inventory.globalVars.get('admin_ip');
    if (infraHosts.size === 0 || !entry || !isIPv4(entry.value) || infraHosts.has(entry.value)) return;
    ctx.report({ at: entry.valueNode ?? entry.keyNode, data: { adminIp: entry.value }, related: [{ at: groups[0].keyNode, message: { en: 'the infra group', 'zh-cn': 'infra 分组' } }] });
  },
};

const seqDuplicate: Rule = {
  code: 'infra/seq-duplicate',
  severity: 'warning',
  docs: DOCS.infra,
  description: { en: 'Two infra nodes share one `infra_seq`.', 'zh-cn': '两个 infra 节点使用了同一个 `infra_seq`。' },
  messages: {
    default: {
      en: '`infra_seq: {seq}` is used by `{other}` and `{host}`: both register as `infra-{seq}` in certificates and monitoring datasources.',
      'zh-cn': '`infra_seq: {seq}` 同时被 `{other}` 与 `{host}` 使用：二者在证书与监控数据源中都会登记为 `infra-{seq}`。',
    },
  },
  check(ctx) {
    const bySeq = new Map<number, { ip: string; place: Place }>();
    const seen = onceEach<string>();
    for (const g of ctx.inventory.groupsByName.get('infra') ?? []) {
      for (const h of g.hosts) {
        if (!seen(h.ip)) continue;
        const eff = ctx.resolver.get(h.ip, 'infra_seq');
        const seq = typeof eff?.value === 'number' ? seqNumber(eff.value) : null;
        if (seq === null) continue; // identity/infra-seq reports missing and invalid values
        const place = valuePlace(eff, h.keyNode);
        const first = bySeq.get(seq);
        if (!first) bySeq.set(seq, { ip: h.ip, place });
        else ctx.report({ at: place, data: { seq, host: h.ip, other: first.ip }, related: [{ at: first.place, message: { en: '`infra_seq: {seq}` first used here', 'zh-cn': '`infra_seq: {seq}` 首次使用于此' } }] });
      }
    }
  },
};

const minioClusterGlobal: Rule = {
  code: 'infra/minio-cluster-global',
  severity: 'error',
  docs: DOCS.minio,
  description: { en: '`minio_cluster` is set in `all.vars`.', 'zh-cn': '`minio_cluster` 被设置在 `all.vars` 中。' },
  messages: {
    default: {
      en: '`minio_cluster` in `all.vars` makes every host a MinIO member; put it in the vars of the MinIO group.',
      'zh-cn': '`all.vars` 中的 `minio_cluster` 会让所有主机都成为 MinIO 成员；请把它放到 MinIO 分组的 vars 中。',
    },
  },
  check(ctx) {
    const entry = ctx.inventory.globalVars.get('minio_cluster');
    if (entry) ctx.report({ at: entry.keyNode, data: { value: display(entry.value) } });
  },
};

const MINIO_SILO_SINCE = 'v4.5.0';

const minioType: Rule = {
  code: 'infra/minio-type',
  severity: 'error',
  docs: DOCS.minio,
  description: { en: '`minio_type` is not `silo`.', 'zh-cn': '`minio_type` 不是 `silo`。' },
  messages: {
    default: {
      en: '`minio_type: {value}` is not supported: since {since} the MinIO module only deploys `silo`.',
      'zh-cn': '`minio_type: {value}` 不受支持：自 {since} 起 MinIO 模块只部署 `silo`。',
    },
  },
  check(ctx) {
    if (compareVersions(ctx.pigstyVersion, MINIO_SILO_SINCE) < 0) return;
    for (const entry of entriesNamed(ctx, ['minio_type'])) {
      if (entry.value === 'silo' || entry.mergedBy) continue;
      ctx.report({ at: entry.valueNode ?? entry.keyNode, data: { value: display(entry.value), since: MINIO_SILO_SINCE, expected: 'silo' } });
    }
  },
};

const removedParamRule: Rule = {
  code: 'infra/removed-param',
  severity: 'warning',
  docs: DOCS.parameter,
  description: { en: 'A parameter that this Pigsty version no longer reads.', 'zh-cn': '此 Pigsty 版本已不再读取的参数。' },
  local: true,
  messages: {
    default: {
      en: '`{param}` was removed in Pigsty {removedIn} (last in {lastSeen}) and has no effect in {version}.',
      'zh-cn': '`{param}` 已在 Pigsty {removedIn} 中移除（最后出现于 {lastSeen}），在 {version} 中不起作用。',
    },
  },
  check(ctx) {
    const first = onceEach<unknown>();
    for (const entry of allVarEntries(ctx)) {
      const removed = removedParam(entry.name);
      if (!removed || param(entry.name) || compareVersions(ctx.pigstyVersion, removed.removedIn) < 0 || !first(entry.keyNode)) continue;
      ctx.report({ at: entry.keyNode, data: { param: entry.name, removedIn: removed.removedIn, lastSeen: removed.lastSeen, version: ctx.pigstyVersion } });
    }
  },
};

export const infraRules: Rule[] = [adminNotInfra, seqDuplicate, minioClusterGlobal, minioType, staleIpRule, removedParamRule];
