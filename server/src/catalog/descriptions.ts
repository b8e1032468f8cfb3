// Our own short explanations of the parameters people touch most, in English and Chinese, and the
// link to each parameter's section on pigsty.io. Parameters without an entry get a sentence built
// from their catalog facts.
import type { Lang } from '../engine/findings';
import type { ParamFact } from './params';

type Text = [en: string, zh: string];

const TEXT: Record<string, Text> = {
  version: ['The Pigsty release this inventory is written for; checks use it to tell which parameters exist.', '此配置清单对应的 Pigsty 版本；检查会据此判断哪些参数可用。'],
  admin_ip: ['IPv4 address of the admin node that runs the playbooks; `${admin_ip}` in other values becomes this address.', '运行剧本的管理节点 IPv4 地址；其他参数值中的 `${admin_ip}` 会被替换为它。'],
  region: ['Which mirror set to download packages from: `default`, `china` or `europe`.', '下载软件包时使用的镜像区域：`default`、`china` 或 `europe`。'],
  infra_portal: ['Nginx sites served by the infra nodes, keyed by name. Each entry has a `domain` and either an `endpoint` (`host:port`, `${admin_ip}` allowed) to proxy or a `path` to serve.', '基础设施节点上 Nginx 对外提供的站点，按名称索引。每项包含 `domain`，以及要反向代理的 `endpoint`（`host:port`，可用 `${admin_ip}`）或要托管的本地 `path`。'],
  pg_cluster: ['Name of the PostgreSQL cluster (letters, digits, `-`). Hosts with the same value form one cluster, whatever group they are in.', 'PostgreSQL 集群名（字母、数字与 `-`）。取值相同的主机组成同一个集群，与所在分组无关。'],
  pg_seq: ['Number of this instance inside its cluster, unique per cluster; the instance is named `<pg_cluster>-<pg_seq>`. Set it on each host.', '实例在集群内的编号，集群内唯一；实例名为 `<pg_cluster>-<pg_seq>`。应在每台主机上单独设置。'],
  pg_role: ['Role of this instance: `primary` (exactly one per cluster), `replica`, `standby`, `offline` or `delayed`. Set it on each host.', '实例角色：`primary`（每个集群恰好一个）、`replica`、`standby`、`offline` 或 `delayed`。应在每台主机上单独设置。'],
  pg_instance: ['Computed by Pigsty as `<pg_cluster>-<pg_seq>` on every run; a value written in the inventory is ignored.', '由 Pigsty 每次运行时计算为 `<pg_cluster>-<pg_seq>`；在清单中手写的值不会生效。'],
  pg_mode: ['Which PostgreSQL flavour the cluster runs: `pgsql` (vanilla), `citus`, `polar`, `ivory`, `mssql`, ... Any other value fails when the binaries are linked.', '集群运行的 PostgreSQL 变体：`pgsql`（原生）、`citus`、`polar`、`ivory`、`mssql` 等。其他取值会在链接二进制时失败。'],
  pg_version: ['PostgreSQL major version to install, e.g. 18.', '要安装的 PostgreSQL 大版本，例如 18。'],
  pg_conf: ['Patroni configuration template: `oltp.yml`, `olap.yml`, `crit.yml`, `tiny.yml`, or your own file under `templates/`. The `.yml` suffix is part of the name.', 'Patroni 配置模板：`oltp.yml`、`olap.yml`、`crit.yml`、`tiny.yml`，或 `templates/` 下的自定义文件。`.yml` 后缀是名称的一部分。'],
  pg_rto: ['Failover timing preset shared by Patroni and HAProxy: `fast`, `norm`, `safe` or `wide`. Unknown values quietly become `norm`.', 'Patroni 与 HAProxy 共用的故障切换时间档位：`fast`、`norm`、`safe` 或 `wide`。未知取值会被静默当作 `norm`。'],
  pg_rpo: ['Largest replication lag in bytes a replica may have and still be promoted; `0` turns on synchronous replication.', '允许被提升的从库最大复制延迟（字节）；设为 `0` 会开启同步复制。'],
  pg_upstream: ['IPv4 of the instance to replicate from. On a primary it makes the cluster a standby cluster; on a replica it makes a cascade.', '复制上游实例的 IPv4。设在主库上表示备份集群，设在从库上表示级联复制。'],
  pg_users: ['Business users to create on the primary, in order. Each item needs `name`; common fields are `password`, `roles`, `pgbouncer`, `comment`.', '在主库上按顺序创建的业务用户。每项必须有 `name`，常用字段有 `password`、`roles`、`pgbouncer`、`comment`。'],
  pg_databases: ['Business databases to create. Each item needs `name`; common fields are `owner`, `extensions`, `schemas`, `baseline`, `pgbouncer`.', '要创建的业务数据库。每项必须有 `name`，常用字段有 `owner`、`extensions`、`schemas`、`baseline`、`pgbouncer`。'],
  pg_hba_rules: ['Extra PostgreSQL HBA rules for this cluster: `addr` (an alias such as `intra`, `world`, `infra` or an IPv4/CIDR) with `auth` (`pwd`, `ssl`, `trust`, ...), or raw `rules` lines.', '本集群额外的 PostgreSQL HBA 规则：`addr`（`intra`、`world`、`infra` 等别名或 IPv4/CIDR）配合 `auth`（`pwd`、`ssl`、`trust` 等），或直接写 `rules` 原始行。'],
  pgb_hba_rules: ['Extra pgbouncer HBA rules, same form as `pg_hba_rules` (`db: replication` is not allowed here).', '额外的 pgbouncer HBA 规则，格式同 `pg_hba_rules`（此处不允许 `db: replication`）。'],
  pg_services: ['Extra HAProxy services for this cluster. Each needs `name`, `port` and a JMESPath `selector`; `dest` is `default`, `postgres`, `pgbouncer` or a port number.', '本集群额外的 HAProxy 服务。每项需要 `name`、`port` 与 JMESPath `selector`；`dest` 可为 `default`、`postgres`、`pgbouncer` 或端口号。'],
  pg_parameters: ['PostgreSQL settings written as-is to `postgresql.auto.conf` for this cluster.', '原样写入本集群 `postgresql.auto.conf` 的 PostgreSQL 参数。'],
  pg_libs: ['`shared_preload_libraries`, comma separated; put `citus` or `timescaledb` first when used.', '`shared_preload_libraries`，逗号分隔；使用 `citus` 或 `timescaledb` 时应放在最前面。'],
  pg_extensions: ['Extension packages to install, names or aliases separated by spaces or commas.', '要安装的扩展软件包，名称或别名以空格或逗号分隔。'],
  pg_listen: ['Addresses PostgreSQL and pgbouncer listen on, comma separated; `${ip}`, `${vip}` and `${lo}` are replaced by the host IP, the VIP and 127.0.0.1.', 'PostgreSQL 与 pgbouncer 的监听地址，逗号分隔；`${ip}`、`${vip}`、`${lo}` 分别替换为主机 IP、VIP 与 127.0.0.1。'],
  pg_max_conn: ['`max_connections`: `auto` for the template\'s choice, or an integer of at least 20.', '`max_connections`：`auto` 表示由模板决定，或不小于 20 的整数。'],
  pg_vip_enabled: ['Run vip-manager on the cluster so a layer-2 virtual IP always points at the current primary.', '在集群上运行 vip-manager，让二层虚拟 IP 始终指向当前主库。'],
  pg_vip_address: ['The cluster\'s virtual IP in CIDR form `<ipv4>/<mask>`, e.g. `10.10.10.3/24`. The mask tells vip-manager the netmask (it assumes /24 without it), and `${vip}` in `pg_listen` is only replaced when the mask is present. The address must be free and in the same L2 network as the members.', '集群虚拟 IP，CIDR 格式 `<ipv4>/<掩码>`，例如 `10.10.10.3/24`。掩码告诉 vip-manager 子网掩码（缺省时按 /24 处理），且只有带掩码时 `pg_listen` 中的 `${vip}` 才会被替换。该地址必须空闲，并与成员处于同一二层网络。'],
  pg_vip_interface: ['Network interface that carries the VIP; `auto` picks the NIC holding the host\'s inventory IP. Can differ per host.', '承载 VIP 的网卡；`auto` 表示自动选择持有该主机清单 IP 的网卡。可按主机分别设置。'],
  pg_dbsu_password: ['Password of the database superuser; empty means none. Citus clusters need one.', '数据库超级用户密码；为空表示不设置。Citus 集群必须设置。'],
  pg_shard: ['Name of the Citus shard group several clusters share; defaults to `pg_cluster`.', '多个集群共享的 Citus 分片名；默认等于 `pg_cluster`。'],
  pg_group: ['Citus group number: 0 for the coordinator, 1..n for workers.', 'Citus 分组编号：0 为协调者，1..n 为工作节点。'],
  patroni_watchdog_mode: ['Patroni watchdog: `off`, `automatic` or `required`. Quote `\'off\'`, or write `false`.', 'Patroni 看门狗模式：`off`、`automatic` 或 `required`。请给 `\'off\'` 加引号，或写作 `false`。'],
  pgbouncer_poolmode: ['Default pgbouncer pooling mode: `transaction`, `session` or `statement`.', 'pgbouncer 默认连接池模式：`transaction`、`session` 或 `statement`。'],
  pgbackrest_method: ['Which `pgbackrest_repo` entry backups go to, e.g. `local` or `minio`.', '备份写入 `pgbackrest_repo` 中的哪个仓库，例如 `local` 或 `minio`。'],
  etcd_cluster: ['Name of the etcd cluster, which is also the group name; PostgreSQL expects the group `etcd`.', 'etcd 集群名，同时也是分组名；PostgreSQL 模块固定使用 `etcd` 分组。'],
  etcd_seq: ['Number of this etcd member, unique in the cluster; set it on each host.', 'etcd 成员编号，集群内唯一；应在每台主机上设置。'],
  infra_seq: ['Number of this infra node, set on each member of the `infra` group.', '基础设施节点编号，在 `infra` 分组的每台主机上设置。'],
  minio_cluster: ['Name of the MinIO cluster; set it in the group vars, never in `all.vars`.', 'MinIO 集群名；应设在分组变量中，不能放在 `all.vars`。'],
  minio_seq: ['Number of this MinIO node; numbers should be contiguous.', 'MinIO 节点编号；编号应连续。'],
  redis_cluster: ['Name of the Redis cluster; hosts with a value take part in the Redis play.', 'Redis 集群名；设置了该值的主机会参与 Redis 部署。'],
  redis_node: ['Number of this Redis node inside its cluster.', 'Redis 节点在集群内的编号。'],
  redis_instances: ['Redis instances on this host, keyed by port; `replica_of: \'<ip> <port>\'` makes one a replica.', '本主机上的 Redis 实例，以端口为键；`replica_of: \'<ip> <port>\'` 表示其为从库。'],
  nodename: ['Host name to give the node; with `node_id_from_pg` it becomes `<pg_cluster>-<pg_seq>` on PostgreSQL nodes.', '节点主机名；启用 `node_id_from_pg` 时，PostgreSQL 节点会使用 `<pg_cluster>-<pg_seq>`。'],
  node_cluster: ['Name of the node cluster; on PostgreSQL nodes it follows `pg_cluster` unless set.', '节点集群名；PostgreSQL 节点未设置时沿用 `pg_cluster`。'],
  vip_enabled: ['Run keepalived on this node cluster for a layer-2 VIP (not tied to PostgreSQL roles).', '在此节点集群上运行 keepalived 提供二层 VIP（与 PostgreSQL 角色无关）。'],
  vip_address: ['The node cluster\'s keepalived VIP, a bare IPv4 address without mask.', '节点集群的 keepalived VIP，为不带掩码的 IPv4 地址。'],
  vip_vrid: ['VRRP router id, 1 to 254, unique in the L2 network.', 'VRRP 路由器 ID，取值 1 到 254，在二层网络内唯一。'],
  repo_upstream: ['Upstream package repositories. The effective default depends on the OS (`repo_upstream_default` in the node_id role vars).', '上游软件源定义。实际默认值随操作系统而定（node_id 角色变量中的 `repo_upstream_default`）。'],
  repo_packages: ['Packages to download into the local repo; the effective default comes from the OS-specific role vars.', '下载到本地软件源的软件包；实际默认值来自对应操作系统的角色变量。'],
};

const MODULE_PAGE: Record<string, string> = {
  PGSQL: 'pgsql', NODE: 'node', INFRA: 'infra', ETCD: 'etcd', MINIO: 'minio', REDIS: 'redis', DOCKER: 'docker',
  KAFKA: 'kafka', MYSQL: 'mysql', JUICE: 'juice', VIBE: 'vibe',
};

/** The parameter's section on pigsty.io (module parameter page, anchored by name). */
export function docsLink(fact: ParamFact): string {
  const page = MODULE_PAGE[fact.module];
  return page ? `https://pigsty.io/docs/${page}/param/#${fact.name}` : 'https://pigsty.io/docs/concept/iac/parameter/';
}

export function describe(fact: ParamFact, lang: Lang): string {
  const own = TEXT[fact.name];
  if (own) return own[lang === 'en' ? 0 : 1];
  const section = fact.section ? ` (${fact.section})` : '';
  if (fact.kind === 'derived') {
    return lang === 'en'
      ? `Computed by Pigsty during a run; a value written in the inventory does not take effect.`
      : `由 Pigsty 在运行时计算；在清单中手写的值不会生效。`;
  }
  return lang === 'en'
    ? `${fact.module} parameter${section} of type \`${fact.type}\`.`
    : `${fact.module} 模块参数${section}，类型为 \`${fact.type}\`。`;
}

export function hasOwnDescription(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(TEXT, name);
}
