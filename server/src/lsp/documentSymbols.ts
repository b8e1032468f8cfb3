// Outline: groups and hosts, with the module and role in the detail.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, InventorySymbol } from '../fixes/symbols';
import { toRange } from './convert';
import type { Feature } from './features';

function toSymbol(doc: TextDocument, s: InventorySymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: s.kind === 'group' ? SymbolKind.Namespace : SymbolKind.Object,
    range: toRange(doc, s.span),
    selectionRange: toRange(doc, s.selection),
    children: s.children.map((c) => toSymbol(doc, c)),
  };
}

export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: true },
  register(connection, ctx) {
    connection.onDocumentSymbol((params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return [];
      return documentSymbols(ctx.analysis(doc)).map((s) => toSymbol(doc, s));
    });
  },
};
