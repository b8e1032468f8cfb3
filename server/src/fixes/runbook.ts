// The recovery runbook for one pg cluster: a Markdown document built from the inventory (names,
// ports, IPs, the exact HAProxy lines) for the "most of the cluster is down" situation, correct for
// the inventory's Pigsty version.
import type { Analysis } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import { seqNumber } from '../rules/identity';
import { clusterOf } from './promoteSurvivor';

export interface RunbookInput {
  cluster: string;
  /** The host that keeps running; default: the cluster's primary, else its first member. */
  survivor?: string;
  /** Default: every other member. */
  failed?: string[];
  lang?: Lang;
}

interface Facts {
  cluster: string;
  survivor: string;
  failed: string[];
  scope: string;
  citusGroup: number | null;
  port: number;
  servers: { ip: string; line: string }[];
  dbsu: string;
  pgData: string;
  etcdData: string;
  version: string;
  hasEtcdClean: boolean;
  vip: string | null;
  inInfra: boolean;
  adminFailed: boolean;
}

const DOCS = 'https://pigsty.io/docs/pgsql/tutorial/drill/';

/** `v3.5.0` -> [3,5,0]; null when unreadable. */
export function parseVersion(v: unknown): number[] | null {
  const m = typeof v === 'string' ? /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

/** `etcd_clean` was removed in v3.6.0 (rules-reference §2.5, §7). */
export function hasEtcdClean(version: unknown): boolean {
  const v = parseVersion(version);
  return v !== null && (v[0] < 3 || (v[0] === 3 && v[1] < 6));
}

function collect(analysis: Analysis, input: RunbookInput): Facts | string {
  const c = analysis.pgClusters().get(input.cluster);
  if (!c) return `No PostgreSQL cluster named ${input.cluster} in this inventory.`;
  const r = analysis.resolver;
  const members = c.members.map((m) => m.ip);
  const primary = members.find((ip) => r.value(ip, 'pg_role') === 'primary');
  const survivor = input.survivor ?? primary ?? members[0];
  if (!clusterOf(analysis, survivor) || !members.includes(survivor)) return `${survivor} is not a member of ${input.cluster}.`;
  const failed = input.failed ?? members.filter((ip) => ip !== survivor);
  const services = [r.value(survivor, 'pg_default_services'), r.value(survivor, 'pg_services')].flatMap((s) => (Array.isArray(s) ? s : []));
  const svc = services.find((s) => s && typeof s === 'object' && (s as { name?: unknown }).name === 'primary') as Record<string, unknown> | undefined;
  const port = typeof svc?.port === 'number' ? svc.port : 5433;
  let dest = svc?.dest ?? 'default';
  if (dest === 'default') dest = r.value(survivor, 'pg_default_service_dest') ?? 'pgbouncer';
  const mode = r.value(survivor, 'pg_mode');
  const citus = mode === 'citus';
  const version = String(analysis.inventory.globalVars.get('version')?.value ?? 'v4.5.0');
  const servers = members.map((ip) => {
    const target = typeof dest === 'number' ? dest : dest === 'postgres' ? r.value(ip, 'pg_port') ?? 5432 : r.value(ip, 'pgbouncer_port') ?? 6432;
    const seq = seqNumber(r.value(ip, 'pg_seq'));
    const line = `server ${input.cluster}-${seq ?? '?'} ${ip}:${target} check port ${r.value(ip, 'patroni_port') ?? 8008} weight ${r.value(ip, 'pg_weight') ?? 100}`;
    return { ip, line };
  });
  const admin = analysis.inventory.globalVars.get('admin_ip')?.value;
  return {
    cluster: input.cluster,
    survivor,
    failed,
    scope: citus ? String(r.value(survivor, 'pg_shard') ?? input.cluster) : input.cluster,
    citusGroup: citus ? seqNumber(r.value(survivor, 'pg_group')) ?? 0 : null,
    port,
    servers,
    dbsu: String(r.value(survivor, 'pg_dbsu') ?? 'postgres'),
    pgData: String(r.value(survivor, 'pg_data') ?? '/pg/data'),
    etcdData: String(r.value(survivor, 'etcd_data') ?? '/data/etcd'),
    version,
    hasEtcdClean: hasEtcdClean(version),
    vip: r.value(survivor, 'pg_vip_enabled') === true ? String(r.value(survivor, 'pg_vip_address') ?? '') : null,
    inInfra: (analysis.inventory.groupsByName.get('infra') ?? []).some((g) => g.hosts.some((h) => h.ip === survivor)),
    adminFailed: typeof admin === 'string' && failed.includes(admin),
  };
}

export type RunbookResult = { ok: true; markdown: string; survivor: string } | { ok: false; error: string };

export function buildRunbook(analysis: Analysis, input: RunbookInput): RunbookResult {
  const facts = collect(analysis, input);
  if (typeof facts === 'string') return { ok: false, error: facts };
  const zh = input.lang === 'zh-cn';
  return { ok: true, markdown: (zh ? zhRunbook : enRunbook)(facts), survivor: facts.survivor };
}

function haproxyBlock(f: Facts): string {
  const lines = [
    `listen ${f.cluster}-primary`,
    `    bind *:${f.port}`,
    '    # ...',
    '    #option httpchk',
    '    #option http-keep-alive',
    '    #http-check send meth OPTIONS uri /primary',
    '    #http-check expect status 200',
    '    # ...',
    ...f.servers.map((s) => (f.failed.includes(s.ip) ? `    #${s.line}` : `    ${s.line}`)),
  ];
  return '```\n' + lines.join('\n') + '\n```';
}

const pgCtl = (f: Facts) => (f.citusGroup === null ? f.scope : `${f.scope} --group ${f.citusGroup}`);

function etcdStep(f: Facts, zh: boolean): string {
  if (f.hasEtcdClean) return '```bash\n./etcd.yml -l ' + f.survivor + ' -e etcd_safeguard=false -e etcd_clean=true\n```';
  const note = zh
    ? `Pigsty ${f.version} 已没有 \`etcd_clean\` 参数（v3.6 起移除），\`etcd.yml\` 不会再替你清理旧数据。先在幸存节点上停止 etcd 并清空旧数据目录，再初始化一个单成员 etcd（Patroni 启动后会重新写入它的状态）：`
    : `Pigsty ${f.version} has no \`etcd_clean\` (removed in v3.6), so \`etcd.yml\` will not purge the old member list for you. Stop etcd on the survivor, empty its old data directory, then initialise a one-member etcd (Patroni writes its state back when it starts):`;
  return `${note}\n\n\`\`\`bash\nsudo systemctl stop etcd && sudo rm -rf ${f.etcdData}/*   # on ${f.survivor}\n./etcd.yml -l ${f.survivor}\n\`\`\``;
}

function commands(f: Facts): string {
  const lines = [
    ...(f.inInfra ? [] : [`./infra.yml -l ${f.survivor}`]),
    `./node.yml -l ${f.survivor} -t node_monitor`,
    `./pgsql.yml -l ${f.cluster} -t pg_conf`,
    ...(f.vip ? [`./pgsql.yml -l ${f.cluster} -t pg_vip`] : []),
  ];
  return '```bash\n' + lines.join('\n') + `\nsudo systemctl reload patroni   # on ${f.survivor}\n\`\`\``;
}

function enRunbook(f: Facts): string {
  const failed = f.failed.join(', ') || '(none)';
  return `# Recovery runbook: \`${f.cluster}\`

Survivor: **${f.survivor}** · failed: ${failed} · Pigsty ${f.version} · primary service port ${f.port}${f.vip ? ` · VIP ${f.vip}` : ''}

First check whether the failed nodes can be brought back soon; if they can, do that (see *Temporary failure*). Otherwise stop the bleeding on ${f.survivor} as below. Background: [HA drill](${DOCS}).

## 1. Point HAProxy at the survivor

Skip this if clients do not go through HAProxy. On ${f.survivor}, edit \`/etc/haproxy/${f.cluster}-primary.cfg\`: comment out the four health-check lines (HAProxy must stop asking Patroni who the primary is) and the \`server\` lines of the failed nodes. Do not reload yet.

${haproxyBlock(f)}

Keep: \`${f.servers.find((s) => s.ip === f.survivor)?.line}\`

## 2. Promote the survivor by hand

On ${f.survivor}, as the database superuser:

\`\`\`bash
sudo su - ${f.dbsu}
psql -c 'checkpoint; checkpoint;'      # flush dirty pages so the restart is short
sudo systemctl stop patroni            # Patroni cannot act without etcd quorum
pg-restart                             # start PostgreSQL without Patroni
pg-promote                             # promote it
ls ${f.pgData}/standby.signal 2>/dev/null && rm -f ${f.pgData}/standby.signal   # the alias may leave it behind
psql -c 'SELECT pg_is_in_recovery();'  # must print f
sudo systemctl reload haproxy          # now send writes to ${f.survivor}
\`\`\`

## 3. Avoid split brain

Before anything else, make sure the failed nodes cannot come back on their own: power them off or cut their network. Point application connection strings straight at ${f.survivor} if they used other hosts or a VIP that is gone.

## 4a. Temporary failure: bring the nodes back

One node at a time, the admin / infra node first:

1. Boot it and stop Patroni on it at once: \`sudo systemctl stop patroni\`.
2. When etcd has quorum again, on ${f.survivor}: \`sudo systemctl restart patroni\`, then \`pg pause ${pgCtl(f)}\` (maintenance mode).
3. On each returning instance, as ${f.dbsu}: \`touch ${f.pgData}/standby.signal\`, then \`sudo systemctl restart patroni\`.
4. When \`pg list ${pgCtl(f)}\` shows the expected roles: \`pg resume ${pgCtl(f)}\`.
5. Restore the health checks and \`server\` lines in \`/etc/haproxy/${f.cluster}-primary.cfg\` and \`sudo systemctl reload haproxy\`.

## 4b. Permanent failure: repair the inventory and redeploy

Restore \`~/pigsty\` (at least \`pigsty.yml\` and \`files/pki/ca/ca.key\`) on ${f.survivor}, which becomes the new admin node${f.adminFailed ? '' : ' if the old one is gone'}. Then:

1. Repair \`pigsty.yml\`: run **Pigsty: Promote surviving node** on ${f.survivor} (comments out the failed hosts in \`${f.cluster}\`, \`etcd\` and \`infra\`, sets \`pg_role: primary\`${f.adminFailed ? `, moves \`admin_ip\` and the literal references to the old admin IP to ${f.survivor}` : ''}).
2. Reset etcd to a single member:

${etcdStep(f, false)}

3. Redeploy what the survivor needs and reload Patroni:

${commands(f)}

4. Add new nodes back with the standard scale-out procedure to regain high availability.
`;
}

function zhRunbook(f: Facts): string {
  const failed = f.failed.join('、') || '（无）';
  return `# 故障恢复手册：\`${f.cluster}\`

幸存节点：**${f.survivor}** · 故障节点：${failed} · Pigsty ${f.version} · 主库服务端口 ${f.port}${f.vip ? ` · VIP ${f.vip}` : ''}

先判断故障节点能否很快拉起；能的话优先拉起（见“临时故障”）。否则按下述步骤在 ${f.survivor} 上紧急止血。背景：[高可用演练](${DOCS})。

## 1. 让 HAProxy 直接指向幸存节点

如果客户端不经过 HAProxy 访问，可跳过本步。在 ${f.survivor} 上编辑 \`/etc/haproxy/${f.cluster}-primary.cfg\`：注释掉四行健康检查（不再向 Patroni 询问谁是主库），以及故障节点的 \`server\` 行。暂不重载。

${haproxyBlock(f)}

保留：\`${f.servers.find((s) => s.ip === f.survivor)?.line}\`

## 2. 手工提升幸存节点

在 ${f.survivor} 上，以数据库超级用户身份执行：

\`\`\`bash
sudo su - ${f.dbsu}
psql -c 'checkpoint; checkpoint;'      # 先刷脏页，缩短重启时间
sudo systemctl stop patroni            # 没有 etcd 多数派，Patroni 无法工作
pg-restart                             # 脱离 Patroni 直接拉起 PostgreSQL
pg-promote                             # 提升为主库
ls ${f.pgData}/standby.signal 2>/dev/null && rm -f ${f.pgData}/standby.signal   # 该别名可能不会删除此文件
psql -c 'SELECT pg_is_in_recovery();'  # 结果应为 f
sudo systemctl reload haproxy          # 写流量切到 ${f.survivor}
\`\`\`

## 3. 避免脑裂

首先确保故障节点不会自行恢复上线：断电或断网。若应用连接串指向其他主机或已失效的 VIP，请直接改为 ${f.survivor}。

## 4a. 临时故障：修复后重新加入

每次处理一台，优先处理管理节点 / INFRA 节点：

1. 启动该节点后立即停止其 Patroni：\`sudo systemctl stop patroni\`。
2. etcd 恢复多数派后，在 ${f.survivor} 上：\`sudo systemctl restart patroni\`，然后 \`pg pause ${pgCtl(f)}\`（进入维护模式）。
3. 在每个恢复的实例上以 ${f.dbsu} 身份：\`touch ${f.pgData}/standby.signal\`，再 \`sudo systemctl restart patroni\`。
4. \`pg list ${pgCtl(f)}\` 显示角色正常后：\`pg resume ${pgCtl(f)}\`。
5. 恢复 \`/etc/haproxy/${f.cluster}-primary.cfg\` 中的健康检查与 \`server\` 行，并 \`sudo systemctl reload haproxy\`。

## 4b. 永久故障：修复配置并重新部署

在 ${f.survivor} 上恢复 \`~/pigsty\`（至少需要 \`pigsty.yml\` 与 \`files/pki/ca/ca.key\`），该节点成为新的管理节点。然后：

1. 修复 \`pigsty.yml\`：在 ${f.survivor} 上执行 **Pigsty: Promote surviving node**（注释掉 \`${f.cluster}\`、\`etcd\`、\`infra\` 中的故障节点，设置 \`pg_role: primary\`${f.adminFailed ? `，并把 \`admin_ip\` 及引用旧管理节点 IP 的配置改为 ${f.survivor}` : ''}）。
2. 将 etcd 重置为单成员集群：

${etcdStep(f, true)}

3. 部署幸存节点所需组件并重载 Patroni：

${commands(f)}

4. 之后按标准扩容流程加入新节点，恢复高可用。
`;
}
