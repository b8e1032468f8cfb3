// Hover: on a parameter name, what it is (type, level, default, module, first version, our own
// description, link); on a value, the effective value per host and where it comes from.
import { Hover, MarkupKind } from 'vscode-languageserver';
import { describe } from '../catalog/descriptions';
import { param } from '../catalog/params';
import { paramSchema } from '../catalog/schemas';
import { expectAt } from '../catalog/validate';
import type { Analysis } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import { locate, Scope } from '../engine/locate';
import { hostsUnder } from '../engine/model';
import { expectWords, pathWords } from '../rules/paramTypes';
import { toRange } from './convert';
import type { Feature } from './features';
import { effectiveWords, paramMarkdown } from './paramInfo';

const MAX_HOSTS = 12;

/** Markdown for the position, or null when there is nothing to say. */
export function hoverMarkdown(analysis: Analysis, offset: number, lang: Lang): { markdown: string; span: { start: number; end: number } } | null {
  const loc = locate(analysis.inventory, analysis.parsed.text, offset);
  const scope = loc.scope;
  if (!scope?.param || loc.on === 'blank') return null;
  const fact = param(scope.param);
  if (!fact) return null;
  const span = { start: loc.word.start, end: loc.word.end };
  if (scope.path.length > 0) {
    const schema = paramSchema(fact.name);
    const expect = schema ? expectAt(schema, scope.path) : undefined;
    const where = pathWords(fact.name, scope.path);
    const head = lang === 'en' ? `\`${where}\`: ${expectWords(expect, lang)}` : `\`${where}\`：${expectWords(expect, lang)}`;
    return { markdown: `${head}\n\n${describe(fact, lang)}`, span };
  }
  if (loc.on === 'key') return { markdown: paramMarkdown(fact, lang), span };
  return { markdown: effectiveMarkdown(analysis, scope, lang), span };
}

function hostsOf(analysis: Analysis, scope: Scope): string[] {
  if (scope.level === 'host' && scope.host) return [scope.host.ip];
  if (scope.level === 'group' && scope.group) return hostsUnder(scope.group);
  return analysis.resolver.hostIps();
}

function effectiveMarkdown(analysis: Analysis, scope: Scope, lang: Lang): string {
  const name = scope.param!;
  const en = lang === 'en';
  const ips = hostsOf(analysis, scope);
  const lines = [en ? `**${name}**, effective value per host:` : `**${name}** 在各主机上的生效值：`, ''];
  if (ips.length === 0) lines.push(en ? '_No hosts receive this value._' : '_没有主机会取到此值。_');
  for (const ip of ips.slice(0, MAX_HOSTS)) {
    const eff = analysis.resolver.get(ip, name);
    if (!eff) continue;
    const mine = eff.entry === scope.entry;
    const note = !mine && scope.entry ? (en ? ' — this line is overridden here' : ' — 此处的值被覆盖') : '';
    lines.push(`- \`${ip}\`: ${effectiveWords(eff, lang)}${note}`);
  }
  if (ips.length > MAX_HOSTS) lines.push(en ? `- … and ${ips.length - MAX_HOSTS} more hosts` : `- …… 另有 ${ips.length - MAX_HOSTS} 台主机`);
  return lines.join('\n');
}

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(connection, ctx) {
    connection.onHover((params): Hover | null => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return null;
      try {
        const found = hoverMarkdown(ctx.analysis(doc), doc.offsetAt(params.position), ctx.lang());
        if (!found) return null;
        return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(doc, found.span) };
      } catch {
        return null;
      }
    });
  },
};
