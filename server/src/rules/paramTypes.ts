// Parameter values: wrong type or enum value, missing required item fields, and item fields the
// roles never read. Identity values that the identity rules check (`pg_seq`, `pg_role`, ...)
// are left to them.
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import { param } from '../catalog/params';
import type { Expect } from '../catalog/primitives';
import { Problem, problemKey, validateParam } from '../catalog/validate';
import type { VarEntry } from '../engine/model';
import { ownString } from '../engine/ownString';
import type { Lang } from '../engine/findings';
import { nodeAtPath, PathSeg } from '../engine/locate';
import { display } from './identity';
import { eachWrittenEntry } from './paramEntries';
import { DOCS, Rule } from './types';

/** Checked by identity rules with their own messages. */
const LEFT_TO_IDENTITY = new Set(['pg_cluster', 'pg_seq', 'pg_role', 'infra_seq', 'etcd_seq', 'admin_ip']);
/** Values the roles silently replace instead of failing: worth a warning, not an error. */
const SOFT = new Set(['pg_rto', 'region', 'language']);
const YAML11_WORDS = /^(on|off|yes|no)$/i;

export function expectWords(e: Expect | undefined, lang: Lang): string {
  const en = lang === 'en';
  if (!e) return en ? 'a different value' : '其他取值';
  switch (e.kind) {
    case 'enum':
      return (en ? 'one of ' : '以下之一：') + e.values.map((v) => `\`${v}\``).join(en ? ', ' : '、');
    case 'pattern':
      if (e.what === 'username') return en ? 'a user name matching `^[a-z_][a-z0-9_@.-]{0,62}$`' : '符合 `^[a-z_][a-z0-9_@.-]{0,62}$` 的用户名';
      return en ? `a ${e.what} name or a map with \`name\`` : `${e.what} 名称或带 \`name\` 的映射`;
    default: {
      const words: Record<string, [string, string]> = {
        bool: ['a boolean (`true`/`false`)', '布尔值（`true`/`false`）'],
        int: ['an integer', '整数'],
        port: ['a port number (0-65535)', '端口号（0-65535）'],
        number: ['a number', '数值'],
        string: ['a string', '字符串'],
        size: ['a number or a string such as `10s` or `64MiB`', '数值或 `10s`、`64MiB` 这样的字符串'],
        ip: ['an IPv4 address', 'IPv4 地址'],
        cidr: ['an IPv4 address with a mask, e.g. `10.10.10.3/24`', '带掩码的 IPv4 地址，例如 `10.10.10.3/24`'],
        list: ['a list', '列表'],
        map: ['a map of `key: value`', '`键: 值` 映射'],
        object: ['a map of fields', '字段映射'],
      };
      const w = words[e.kind] ?? ['a different value', '其他取值'];
      return en ? w[0] : w[1];
    }
  }
}

export function pathWords(name: string, path: readonly PathSeg[]): string {
  return name + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

const type: Rule = {
  code: 'params/type',
  severity: 'error',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A parameter value of the wrong type, outside its allowed values, or an item missing a required field.',
    'zh-cn': '参数值类型错误、不在允许的取值范围内，或列表项缺少必填字段。',
  },
  messages: {
    type: {
      en: '`{path}` expects {expected}, not `{value}`.',
      'zh-cn': '`{path}` 应为{expected}，而不是 `{value}`。',
    },
    yaml11: {
      en: '`{path}: {source}` is read as the boolean `{value}` (YAML 1.1); quote it: `\'{source}\'`. Expected {expected}.',
      'zh-cn': '`{path}: {source}` 会被 YAML 1.1 解析为布尔值 `{value}`；请加引号：`\'{source}\'`。应为{expected}。',
    },
    rtoSeconds: {
      en: '`pg_rto` is a preset name since v4.0 (`fast`, `norm`, `safe`, `wide`), not seconds: `{value}` is silently treated as `norm`.',
      'zh-cn': '自 v4.0 起 `pg_rto` 是档位名（`fast`、`norm`、`safe`、`wide`），不再是秒数：`{value}` 会被静默当作 `norm`。',
    },
    missing: {
      en: '`{path}` lacks the required field `{field}`.',
      'zh-cn': '`{path}` 缺少必填字段 `{field}`。',
    },
  },
  check(ctx) {
    const doc = ctx.inventory.doc;
    eachWrittenEntry(ctx, (entry) => {
      if (LEFT_TO_IDENTITY.has(entry.name) || !param(entry.name)) return;
      const severity = SOFT.has(entry.name) ? 'warning' : undefined;
      for (const p of problemsOf(entry)) {
        if (p.kind === 'unknown-field') continue;
        const at = nodeAtPath(doc, entry.valueNode, p.path).node ?? entry.valueNode ?? entry.keyNode;
        const path = pathWords(entry.name, p.path);
        if (p.kind === 'missing') {
          ctx.report({ messageId: 'missing', at, data: { path, field: p.field }, severity });
          continue;
        }
        const value = valueOf(at);
        const expected = expectWords(p.expect, ctx.lang);
        const source = isScalar(at) && at.range ? ctx.text.slice(at.range[0], at.range[1]) : '';
        if (entry.name === 'pg_rto' && p.path.length === 0 && typeof entry.value === 'number') {
          ctx.report({ messageId: 'rtoSeconds', at, data: { value }, severity: 'warning' });
        } else if (typeof (at as { value?: unknown }).value === 'boolean' && YAML11_WORDS.test(source)) {
          ctx.report({ messageId: 'yaml11', at, data: { path, source, value, expected }, severity });
        } else {
          ctx.report({ messageId: 'type', at, data: { path, value, expected }, severity });
        }
      }
    });
  },
};

// validateParam is a pure function of the name and value; an entry's value never changes, and the
// keystroke path keeps the entries of the groups it did not re-parse, so their answers carry over.
// Across entries, inventories repeat the same values (`pg_role: replica` a thousand times, users
// that differ only in their passwords): those share one answer (catalog/validate.ts problemKey).
const problemCache = new WeakMap<VarEntry, Problem[]>();
const problemsByValue = new Map<string, Problem[]>();
// Bounded by count and by the characters of the keys (a key spells out a whole value, a list of
// repositories can take a kilobyte): the same values recur, distinct ones typed over a long session need not stay.
const MAX_REMEMBERED_VALUES = 50_000;
const MAX_REMEMBERED_CHARS = 1_000_000;
let rememberedChars = 0;

function ownProblem(p: Problem): Problem {
  const path = p.path.map((seg) => (typeof seg === 'string' ? ownString(seg) : seg));
  return p.kind === 'type' ? { ...p, path } : { ...p, path, field: ownString(p.field) };
}

function problemsOf(entry: VarEntry): Problem[] {
  let problems = problemCache.get(entry);
  if (problems) return problems;
  const key = problemKey(entry.name, entry.value);
  problems = key === null ? undefined : problemsByValue.get(key);
  if (!problems) {
    problems = validateParam(entry.name, entry.value);
    if (key !== null) {
      if (problemsByValue.size >= MAX_REMEMBERED_VALUES || rememberedChars + key.length > MAX_REMEMBERED_CHARS) {
        problemsByValue.clear();
        rememberedChars = 0;
      }
      rememberedChars += key.length;
      // kept across documents: in copies, since the key and the problems' names are cut from this one's text
      problems = problems.map(ownProblem);
      problemsByValue.set(ownString(key), problems);
    }
  }
  problemCache.set(entry, problems);
  return problems;
}


function valueOf(node: Node): string {
  const v = isScalar(node) ? node.value : (node as { toJSON?: () => unknown }).toJSON?.();
  const s = display(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

const unknownField: Rule = {
  code: 'params/unknown-field',
  severity: 'warning',
  docs: DOCS.parameter,
  local: true,
  description: {
    en: 'A field in a list item or entry (pg_users, pg_databases, HBA rules, services, ...) that the roles never read.',
    'zh-cn': '列表项或条目（pg_users、pg_databases、HBA 规则、服务等）中角色从不读取的字段。',
  },
  messages: {
    suggest: {
      en: '`{field}` is not a field of `{param}` items and is ignored: did you mean `{suggestion}`?',
      'zh-cn': '`{field}` 不是 `{param}` 条目的字段，会被忽略：是否应为 `{suggestion}`？',
    },
    plain: {
      en: '`{field}` is not a field of `{param}` items; Pigsty ignores it.',
      'zh-cn': '`{field}` 不是 `{param}` 条目的字段；Pigsty 会忽略它。',
    },
  },
  check(ctx) {
    const doc = ctx.inventory.doc;
    eachWrittenEntry(ctx, (entry) => {
      if (!param(entry.name)) return;
      for (const p of problemsOf(entry)) {
        if (p.kind !== 'unknown-field') continue;
        const at = nodeAtPath(doc, entry.valueNode, p.path).key ?? entry.keyNode;
        const data = { field: p.field, param: entry.name, path: pathWords(entry.name, p.path) };
        ctx.report(p.suggestion ? { messageId: 'suggest', at, data: { ...data, suggestion: p.suggestion } } : { messageId: 'plain', at, data });
      }
    });
  },
};

export const paramTypeRules: Rule[] = [type, unknownField];
