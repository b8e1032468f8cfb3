// Markdown about a parameter and about where a host's effective value comes from, shared by hover
// and completion. Plain text building; no LSP types.
import { describe, docsLink } from '../catalog/descriptions';
import { ENUMS } from '../catalog/enums';
import { levelWords } from '../catalog/levels';
import type { ParamFact } from '../catalog/params';
import type { Lang } from '../engine/findings';
import type { VarEntry } from '../engine/model';
import type { EffectiveValue } from '../engine/resolve';
import { display } from '../rules/identity';
import { maskedValue } from '../engine/mask';

const T = {
  type: ['Type', '类型'],
  level: ['Level', '层级'],
  default: ['Default', '默认值'],
  none: ['none', '无'],
  since: ['Since', '引入版本'],
  values: ['Values', '取值'],
  docs: ['Pigsty docs', 'Pigsty 文档'],
  module: ['Module', '模块'],
  osDefault: ['The effective default comes from the OS-specific role vars (`*_default`).', '实际默认值来自对应操作系统的角色变量（`*_default`）。'],
} as const;

const OS_DEFAULTS = new Set(['repo_upstream', 'repo_packages', 'repo_extra_packages', 'node_default_packages', 'infra_packages']);

const t = (k: keyof typeof T, lang: Lang) => T[k][lang === 'en' ? 0 : 1];

function sinceWords(fact: ParamFact, lang: Lang): string {
  if (!fact.since) return '—';
  if (fact.since.startsWith('<=')) return lang === 'en' ? `${fact.since.slice(2)} or earlier` : `${fact.since.slice(2)} 或更早`;
  return fact.since;
}

export function shortDefault(fact: ParamFact): string {
  if (fact.default === null) return '';
  return fact.default.length > 60 ? fact.default.slice(0, 57) + '...' : fact.default;
}

/** The full explanation of a parameter (hover on a key, completion documentation). */
export function paramMarkdown(fact: ParamFact, lang: Lang): string {
  const lines = [`**${fact.name}** · ${fact.module} · \`${fact.type}\``, '', describe(fact, lang), ''];
  lines.push(`- ${t('level', lang)}: ${levelWords(fact, lang)}`);
  const def = shortDefault(fact);
  lines.push(`- ${t('default', lang)}: ${def ? '`' + def + '`' : t('none', lang)}`);
  lines.push(`- ${t('since', lang)}: ${sinceWords(fact, lang)}`);
  const e = ENUMS[fact.name];
  if (e) lines.push(`- ${t('values', lang)}: ${e.values.map((v) => '`' + String(v) + '`').join(', ')}`);
  if (OS_DEFAULTS.has(fact.name)) lines.push('', t('osDefault', lang));
  lines.push('', `[${t('docs', lang)}](${docsLink(fact)})`);
  return lines.join('\n');
}

/** `all.vars`, `group pg-test vars`, `host 10.0.0.1 vars`. */
export function originWords(entry: VarEntry | null, lang: Lang): string {
  const en = lang === 'en';
  if (!entry) return en ? 'the role default' : '角色默认值';
  if (entry.level === 'global') return 'all.vars';
  if (entry.level === 'group') return en ? `group \`${entry.group?.name}\` vars` : `分组 \`${entry.group?.name}\` 的 vars`;
  return en ? `host \`${entry.host?.ip}\` vars (group \`${entry.group?.name}\`)` : `主机 \`${entry.host?.ip}\` 的变量（分组 \`${entry.group?.name}\`）`;
}

function valueText(v: unknown): string {
  const s = display(v);
  const short = s.length > 80 ? s.slice(0, 77) + '...' : s;
  return short === '' ? (v === '' ? "''" : 'null') : short;
}

/** "`eth1`, from group `pg-test` vars; overrides all.vars" */
export function effectiveWords(eff: EffectiveValue, lang: Lang): string {
  const en = lang === 'en';
  let out = `\`${valueText(maskedValue(eff.name, eff.value))}\`${en ? ', from ' : '，来自'}${originWords(eff.entry, lang)}`;
  if (eff.overridden.length) {
    out += (en ? '; overrides ' : '；覆盖了') + eff.overridden.map((o) => originWords(o, lang)).join(en ? ', ' : '、');
  }
  return out;
}
