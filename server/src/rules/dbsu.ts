// The database superuser password: Citus needs it (Patroni connects the groups as the dbsu), other
// clusters are better without it (rules-reference §2.2 `pg_dbsu_password`, §4).
import { eachCitusDeployment } from './citus-deployments';
import { isBlank, valuePlace, writtenAt } from './places';
import { DOCS, Rule } from './types';
import { eachPgCluster } from './units';

const citusEmptyPassword: Rule = {
  code: 'dbsu/citus-empty-password',
  severity: 'error',
  docs: DOCS.citus,
  description: { en: 'A Citus cluster has no `pg_dbsu_password`.', 'zh-cn': 'Citus 集群没有设置 `pg_dbsu_password`。' },
  messages: {
    default: {
      en: 'Citus cluster `{cluster}` has an empty `pg_dbsu_password`: Patroni connects the coordinator and workers as the dbsu with a password, so the nodes cannot join.',
      'zh-cn': 'Citus 集群 `{cluster}` 的 `pg_dbsu_password` 为空：Patroni 以 dbsu 身份凭密码连接协调者与工作节点，节点将无法加入。',
    },
  },
  ...eachCitusDeployment((ctx, dep) => {
    for (const c of dep.clusters) {
      if (!c.citus) continue;
      for (const m of c.cluster.members) {
        const eff = ctx.resolver.get(m.ip, 'pg_dbsu_password');
        if (!isBlank(eff?.value)) continue;
        // an empty value written somewhere is where to fix it; a missing one belongs to the cluster
        const at = eff?.entry ? valuePlace(eff, c.cluster.anchor) : c.cluster.anchor;
        ctx.report({ at, once: writtenAt(eff), data: { cluster: c.cluster.name } });
        break;
      }
    }
  }),
};

const passwordOutsideCitus: Rule = {
  code: 'dbsu/password-outside-citus',
  severity: 'information',
  docs: DOCS.security,
  description: { en: 'A non-Citus cluster sets `pg_dbsu_password`.', 'zh-cn': '非 Citus 集群设置了 `pg_dbsu_password`。' },
  messages: {
    default: {
      en: 'Cluster `{cluster}` sets `pg_dbsu_password` without Citus: the dbsu normally logs in locally without a password; a password here widens remote superuser access.',
      'zh-cn': '集群 `{cluster}` 并非 Citus 却设置了 `pg_dbsu_password`：dbsu 通常在本地免密登录，设置密码会扩大远程超级用户访问面。',
    },
  },
  ...eachPgCluster((ctx, cluster) => {
    for (const m of cluster.members) {
      if (ctx.resolver.value(m.ip, 'pg_mode') === 'citus') continue;
      const eff = ctx.resolver.explicit(m.ip, 'pg_dbsu_password');
      if (!eff || isBlank(eff.value)) continue;
      ctx.report({ at: valuePlace(eff, null), once: writtenAt(eff), data: { cluster: cluster.name } });
    }
  }),
};

export const dbsuRules: Rule[] = [citusEmptyPassword, passwordOutsideCitus];
