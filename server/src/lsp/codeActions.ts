// Code actions: quick fixes attached to their diagnostics (looked up by code and data), the
// "promote surviving node" refactor on a pg host, and the source action that replaces every
// well-known default password.
import { CodeAction, CodeActionKind, Diagnostic, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import { tr } from '../fixes/types';
import { lineStartOf, TextEdit } from '../fixes/edits';
import { replaceAllPasswords } from '../fixes/passwords';
import { clusterOf, promoteSurvivor } from '../fixes/promoteSurvivor';
import { fixesFor } from '../fixes/quickfixes';
import { toRange } from './convert';
import type { Feature } from './features';

export const REPLACE_PASSWORDS_KIND = `${CodeActionKind.Source}.pigsty.replacePasswords`;

export function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: LspTextEdit[] = edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText }));
  return { changes: { [doc.uri]: changes } };
}

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function quickFixes(doc: TextDocument, analysis: Analysis, diagnostics: Diagnostic[], lang: Lang): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = d.data as Record<string, unknown> | undefined;
    if (d.source !== 'pigsty' || !data || typeof data.code !== 'string') continue;
    const span = { start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) };
    for (const f of fixesFor({ analysis, code: data.code, data, span, lang })) {
      out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.preferred, edit: workspaceEdit(doc, f.edits) });
    }
  }
  return out;
}

/** The host whose key (or entry line) holds `offset`. */
export function hostAt(analysis: Analysis, offset: number): string | undefined {
  for (const [ip, occs] of analysis.inventory.hostOccurrences) {
    for (const o of occs) {
      // the whole line of the host key counts, so a cursor in its indentation finds it too
      const start = lineStartOf(analysis.parsed.text, o.keyNode.range![0]);
      const end = o.valueNode?.range ? o.valueNode.range[1] : o.keyNode.range![1];
      if (start <= offset && offset <= end) return ip;
    }
  }
  return undefined;
}

function promoteActions(doc: TextDocument, analysis: Analysis, offset: number, lang: Lang): CodeAction[] {
  const ip = hostAt(analysis, offset);
  const cluster = ip ? clusterOf(analysis, ip) : undefined;
  if (!ip || !cluster || cluster.members.length < 2) return [];
  const result = promoteSurvivor(analysis, ip);
  if (!result.ok) return [];
  return [
    {
      title: tr({ lang }, `Promote ${ip} as the surviving node of ${cluster.name}`, `将 ${ip} 提升为 ${cluster.name} 的存活节点`),
      kind: CodeActionKind.RefactorRewrite,
      edit: workspaceEdit(doc, result.plan.edits),
    },
    {
      title: tr({ lang }, `Promote ${ip} as the surviving node of ${cluster.name} (choose the failed hosts)…`, `将 ${ip} 提升为 ${cluster.name} 的存活节点（选择故障主机）…`),
      kind: CodeActionKind.RefactorRewrite,
      command: { title: 'Promote surviving node', command: 'pigsty.promoteSurvivor', arguments: [doc.uri, ip] },
    },
  ];
}

export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, REPLACE_PASSWORDS_KIND] },
  },
  register(connection, ctx) {
    connection.onCodeAction((params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return [];
      try {
        const analysis = ctx.analysis(doc);
        const only = params.context.only;
        const actions: CodeAction[] = [];
        if (wanted(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(doc, analysis, params.context.diagnostics, ctx.lang()));
        if (wanted(only, CodeActionKind.RefactorRewrite)) actions.push(...promoteActions(doc, analysis, doc.offsetAt(params.range.start), ctx.lang()));
        if (only?.some((o) => REPLACE_PASSWORDS_KIND.startsWith(o))) {
          const all = replaceAllPasswords(analysis);
          if (all.edits.length) {
            const title = tr({ lang: ctx.lang() }, `Replace ${all.count} well-known default password${all.count === 1 ? '' : 's'} with generated ones`, `将 ${all.count} 个众所周知的默认密码替换为生成的密码`);
            actions.push({ title, kind: REPLACE_PASSWORDS_KIND, edit: workspaceEdit(doc, all.edits) });
          }
        }
        return actions;
      } catch (err) {
        connection.console.error(`pigsty: code actions failed: ${err instanceof Error ? err.stack : String(err)}`);
        return [];
      }
    });
  },
};
