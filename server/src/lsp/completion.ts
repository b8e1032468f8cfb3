// Completion: parameter names valid at the cursor's level, values for enums and booleans, host
// IPs where an instance address is expected, and the fields of list items (pg_users, ...).
import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { describe } from '../catalog/descriptions';
import { suggestedValues } from '../catalog/enums';
import { offeredAt } from '../catalog/levels';
import { PARAMS, param } from '../catalog/params';
import type { Expect } from '../catalog/primitives';
import { paramSchema } from '../catalog/schemas';
import { expectAt, fieldsAt, isRequiredField } from '../catalog/validate';
import type { Analysis } from '../engine/analyze';
import type { Lang, Span } from '../engine/findings';
import { locate, Located, nodeAtPath, PathSeg, Scope } from '../engine/locate';
import { keyText } from '../engine/model';
import { expectWords } from '../rules/paramTypes';
import type { Feature } from './features';
import { paramMarkdown, shortDefault } from './paramInfo';

export interface EngineCompletion {
  label: string;
  kind: 'param' | 'value' | 'field' | 'host';
  detail?: string;
  documentation?: string;
  insertText: string;
  span: Span;
  sortText?: string;
}

/** Parameters that name another instance of the inventory by IP. */
const HOST_IP_PARAMS = new Set(['pg_upstream']);

export function completions(analysis: Analysis, offset: number, lang: Lang): EngineCompletion[] {
  const loc = locate(analysis.inventory, analysis.parsed.text, offset);
  const scope = loc.scope;
  if (!scope) return [];
  const span = { start: loc.word.start, end: loc.word.end };
  const atName = scope.path.length === 0 && (loc.on === 'key' || (loc.on === 'blank' && scope.param === undefined));
  const colon = /^[ \t]*:/.test(analysis.parsed.text.slice(span.end, span.end + 40));
  if (atName) return withoutColon(paramNames(scope, span, lang, loc), colon);
  if (!scope.param) return [];
  const schema = paramSchema(scope.param);
  if (loc.on === 'value' && scope.path.length === 0) return values(analysis, scope, span);
  if (!schema) return [];
  // inside the value: a field name of an item, or the value of a field
  const onField = loc.on === 'key' || (loc.on === 'blank' && typeof scope.path[scope.path.length - 1] !== 'string');
  const itemPath = loc.on === 'key' ? scope.path.slice(0, -1) : scope.path;
  const fields = fieldsAt(schema, itemPath);
  if (onField || (loc.on === 'value' && fields.length > 0 && loc.word.text === '')) {
    return withoutColon(itemFields(analysis, scope, itemPath, fields, span, lang), colon);
  }
  if (loc.on === 'value') return enumValues(expectAt(schema, scope.path), span);
  return [];
}

/** A key that already has its `:` gets only the name. */
function withoutColon(items: EngineCompletion[], colon: boolean): EngineCompletion[] {
  return colon ? items.map((c) => ({ ...c, insertText: c.label })) : items;
}

function paramNames(scope: Scope, span: Span, lang: Lang, loc: Located): EngineCompletion[] {
  const vars = scope.host?.vars ?? (scope.level === 'group' ? scope.group?.vars : undefined);
  const out: EngineCompletion[] = [];
  const typed = loc.on === 'key' ? loc.word.text : '';
  for (const fact of PARAMS) {
    if (!offeredAt(fact, scope.level)) continue;
    if (vars?.has(fact.name) && fact.name !== typed) continue;
    const def = shortDefault(fact);
    out.push({
      label: fact.name,
      kind: 'param',
      detail: `${fact.type}${def ? ` = ${def}` : ''} · ${fact.module}`,
      documentation: paramMarkdown(fact, lang),
      insertText: `${fact.name}: `,
      span,
    });
  }
  return out;
}

function literal(v: string | number | boolean): string {
  return typeof v === 'string' && /^(on|off|yes|no|y|n|true|false|null|~|)$/i.test(v) ? `'${v}'` : String(v);
}

function enumValues(expect: Expect | undefined, span: Span): EngineCompletion[] {
  const vals = expect?.kind === 'enum' ? expect.values.filter((v) => !/^<.*>$/.test(String(v))) : expect?.kind === 'bool' ? [true, false] : [];
  return vals.map((v, i) => ({ label: String(v), kind: 'value', insertText: literal(v), span, sortText: String(i).padStart(3, '0') }));
}

function values(analysis: Analysis, scope: Scope, span: Span): EngineCompletion[] {
  const name = scope.param!;
  const fact = param(name);
  if (HOST_IP_PARAMS.has(name)) return hostIps(analysis, scope, span);
  const vals = suggestedValues(name, fact?.type);
  return vals.map((v, i) => ({
    label: String(v),
    kind: 'value',
    detail: fact && String(v) === shortDefault(fact).replace(/^"|"$/g, '') ? 'default' : undefined,
    insertText: literal(v),
    span,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** IPs of the other members of the host's PostgreSQL cluster first, then every other host. */
function hostIps(analysis: Analysis, scope: Scope, span: Span): EngineCompletion[] {
  const self = scope.host?.ip;
  const cluster = self ? analysis.resolver.value(self, 'pg_cluster') : undefined;
  const members = new Set(
    cluster !== undefined ? (analysis.pgClusters().get(String(cluster))?.members.map((m) => m.ip) ?? []) : [],
  );
  return analysis.resolver
    .hostIps()
    .filter((ip) => ip !== self)
    .map((ip) => ({
      label: ip,
      kind: 'host' as const,
      detail: members.has(ip) ? `${cluster} member` : undefined,
      insertText: ip,
      span,
      sortText: (members.has(ip) ? '0' : '1') + ip,
    }));
}

function itemFields(analysis: Analysis, scope: Scope, itemPath: PathSeg[], fields: string[], span: Span, lang: Lang): EngineCompletion[] {
  const schema = paramSchema(scope.param!)!;
  const present = new Set<string>();
  const itemNode = nodeAtPath(analysis.inventory.doc, scope.entry?.valueNode ?? null, itemPath).node;
  const items = (itemNode as { items?: { key?: unknown }[] } | null)?.items ?? [];
  for (const p of items) {
    const k = keyText(p.key);
    if (k !== null && k !== analysis.parsed.text.slice(span.start, span.end)) present.add(k);
  }
  return fields
    .filter((f) => !present.has(f))
    .map((f) => {
      const required = isRequiredField(schema, itemPath, f);
      return {
        label: f,
        kind: 'field' as const,
        detail: (required ? (lang === 'en' ? 'required · ' : '必填 · ') : '') + expectWords(expectAt(schema, [...itemPath, f]), lang),
        documentation: describe(param(scope.param!)!, lang),
        insertText: `${f}: `,
        span,
        sortText: (required ? '0' : '1') + f,
      };
    });
}

const KIND: Record<EngineCompletion['kind'], CompletionItemKind> = {
  param: CompletionItemKind.Property,
  field: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  host: CompletionItemKind.Value,
};

export const completionFeature: Feature = {
  capabilities: { completionProvider: { resolveProvider: false } },
  register(connection, ctx) {
    connection.onCompletion((params): CompletionList | null => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return null;
      try {
        const found = completions(ctx.analysis(doc), doc.offsetAt(params.position), ctx.lang());
        const items: CompletionItem[] = found.map((c) => ({
          label: c.label,
          kind: KIND[c.kind],
          detail: c.detail,
          documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
          sortText: c.sortText,
          insertTextFormat: InsertTextFormat.PlainText,
          textEdit: { range: { start: doc.positionAt(c.span.start), end: doc.positionAt(c.span.end) }, newText: c.insertText },
          filterText: c.label,
        }));
        return { isIncomplete: false, items };
      } catch {
        return null;
      }
    });
  },
};
