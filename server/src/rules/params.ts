// Parameter names: unknown (with the nearest known name), placed where they break a deployment,
// computed by Pigsty anyway, or newer than the inventory's `version` (issue: parameter catalog).
import { isAnsibleVar } from '../catalog/ansible';
import { breakingPlacement } from '../catalog/levels';
import { PARAMS, param, removedParam } from '../catalog/params';
import { nearest } from '../catalog/suggest';
import { compareVersions, eachWrittenEntry, jinjaNames, parseVersion, placeWords } from './paramEntries';
import { paramTypeRules } from './paramTypes';
import { DOCS, Rule } from './types';

const KNOWN_NAMES = PARAMS.filter((p) => p.kind !== 'derived' && p.kind !== 'internal').map((p) => p.name);

const unknown: Rule = {
  code: 'params/unknown',
  severity: 'warning',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A variable that is not a Pigsty parameter (often a typo): Pigsty ignores it.',
    'zh-cn': '不是 Pigsty 参数的变量（常见于拼写错误）：Pigsty 会忽略它。',
  },
  messages: {
    suggest: {
      en: '`{name}` is not a Pigsty parameter, so it has no effect: did you mean `{suggestion}`?',
      'zh-cn': '`{name}` 不是 Pigsty 参数，不会生效：是否应为 `{suggestion}`？',
    },
    plain: {
      en: '`{name}` is not a Pigsty {version} parameter and no play reads it; check the spelling, or ignore this if it is your own variable.',
      'zh-cn': '`{name}` 不是 Pigsty {version} 的参数，没有任何剧本读取它；请检查拼写，若是自定义变量可忽略此提示。',
    },
  },
  check(ctx) {
    const used = jinjaNames(ctx);
    eachWrittenEntry(ctx, (entry) => {
      const name = entry.name;
      if (param(name) || isAnsibleVar(name) || removedParam(name) || used.has(name)) return;
      const suggestion = nearest(name, KNOWN_NAMES);
      ctx.report(
        suggestion
          ? { messageId: 'suggest', at: entry.keyNode, data: { name, suggestion } }
          : { messageId: 'plain', at: entry.keyNode, data: { name, version: ctx.pigstyVersion } },
      );
    });
  },
};

const level: Rule = {
  code: 'params/level',
  severity: 'error',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A per-host identity or a module membership set where every host inherits it.',
    'zh-cn': '逐主机的身份参数或模块归属参数被放在了所有主机都会继承的位置。',
  },
  messages: {
    'instance-global': {
      en: '`{name}` in all.vars gives every host the same value, but it must be unique per host: set it in each host\'s vars.',
      'zh-cn': '`{name}` 写在 all.vars 中会让所有主机取同一个值，但它必须逐主机唯一：请在每台主机的变量中设置。',
    },
    'instance-group': {
      en: '`{name}` in {place} is shared by every host of the group, but it identifies a single instance: set it in each host\'s vars.',
      'zh-cn': '`{name}` 写在{place}中会被该组所有主机共享，但它标识的是单个实例：请在每台主机的变量中设置。',
    },
    'membership-global': {
      en: '`{name}` in all.vars makes every host a member of that cluster (plays select hosts by whether it is defined): set it in the cluster\'s group vars.',
      'zh-cn': '`{name}` 写在 all.vars 中会让所有主机都成为该集群成员（剧本按该变量是否定义来选择主机）：请在集群的分组变量中设置。',
    },
  },
  check(ctx) {
    eachWrittenEntry(ctx, (entry, hostCount) => {
      const why = breakingPlacement(entry.name, entry.level, hostCount);
      if (why) ctx.report({ messageId: why, at: entry.keyNode, data: { name: entry.name, place: placeWords(entry, ctx.lang) } });
    });
  },
};

const derived: Rule = {
  code: 'params/derived',
  severity: 'warning',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A value Pigsty computes on every run is set by hand; the written value is ignored.',
    'zh-cn': '手工设置了 Pigsty 每次运行都会重新计算的值；写入的值会被忽略。',
  },
  messages: {
    default: {
      en: '`{name}` is computed by Pigsty on every run (set_fact), so the value written here is ignored.',
      'zh-cn': '`{name}` 由 Pigsty 在每次运行时计算（set_fact），此处写入的值会被忽略。',
    },
  },
  check(ctx) {
    eachWrittenEntry(ctx, (entry) => {
      if (param(entry.name)?.kind === 'derived') ctx.report({ at: entry.keyNode, data: { name: entry.name } });
    });
  },
};

const notYet: Rule = {
  code: 'params/not-yet',
  severity: 'warning',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A parameter newer than the Pigsty version the inventory declares.',
    'zh-cn': '参数比清单声明的 Pigsty 版本更新。',
  },
  messages: {
    default: {
      en: '`{name}` first appeared in Pigsty {since}; this inventory declares version {version}, whose roles do not read it.',
      'zh-cn': '`{name}` 自 Pigsty {since} 起才出现；此清单声明的版本为 {version}，其角色不会读取该参数。',
    },
  },
  check(ctx) {
    const declared = ctx.inventory.globalVars.get('version')?.value;
    const version = typeof declared === 'string' ? parseVersion(declared) : null;
    if (!version) return;
    eachWrittenEntry(ctx, (entry) => {
      const fact = param(entry.name);
      const since = parseVersion(fact?.since);
      if (fact && since && compareVersions(since, version) > 0) {
        ctx.report({ at: entry.keyNode, data: { name: entry.name, since: fact.since!, version: String(declared) } });
      }
    });
  },
};

export const paramsRules: Rule[] = [unknown, ...paramTypeRules, level, derived, notYet];
