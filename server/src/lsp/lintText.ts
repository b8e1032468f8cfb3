// `pigsty/lintText`: diagnostics for a text the client read (the "Lint workspace inventories"
// command). The server never reads files itself; it is handed the text and answers.
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { toDiagnostic } from './convert';
import type { Feature } from './features';
import { isInventoryPath, looksLikeInventory } from './inventoryFiles';

export const LINT_TEXT_REQUEST = 'pigsty/lintText';

export interface LintTextParams {
  uri: string;
  text: string;
}

export interface LintTextResult {
  /** False when the text is not a Pigsty inventory (or validation is disabled): no diagnostics. */
  isInventory: boolean;
  diagnostics: Diagnostic[];
}

export const lintTextFeature: Feature = {
  capabilities: {},
  register(connection, ctx) {
    connection.onRequest(LINT_TEXT_REQUEST, (params: LintTextParams): LintTextResult => {
      if (!params || typeof params.uri !== 'string' || typeof params.text !== 'string') {
        throw new Error(`${LINT_TEXT_REQUEST}: expected { uri, text }`);
      }
      const settings = ctx.settings();
      const byPath = isInventoryPath(params.uri, settings.inventoryGlobs);
      if (!settings.enable || !(byPath || looksLikeInventory(params.text))) return { isInventory: false, diagnostics: [] };
      const doc = TextDocument.create(params.uri, 'yaml', 0, params.text);
      const analysis = analyze(params.text, { lang: ctx.lang(), severities: settings.rules, assumeInventory: byPath });
      return { isInventory: true, diagnostics: analysis.findings.map((f) => toDiagnostic(doc, f)) };
    });
  },
};
