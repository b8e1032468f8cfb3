// Outline: groups and hosts, with the module and role in the detail.
//
// VS Code asks for the outline after each pause in typing (outline view, breadcrumbs, sticky
// scroll), and a long inventory has thousands of symbols. So each top-level group's symbols are
// kept from one version to the next, under the group's model entry: an edit re-parses one group
// (engine/incremental.ts), whose entry is new, and the others keep theirs. A kept group is built
// again when a host it lists has other values (the resolver's stamp), and moved when lines were
// added or removed above it.
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import { GroupEntry, hostsUnder } from '../engine/model';
import type { Resolver } from '../engine/resolve';
import { groupSymbol, InventorySymbol } from '../fixes/symbols';
import { toRange } from './convert';
import type { Feature } from './features';
import { limitOutline, OUTLINE_LIMIT_NOTIFICATION, OutlineLimitParams } from './outlineLimit';

interface Kept {
  symbol: DocumentSymbol;
  /** The hosts of the group and its children (their values make the details), and their stamps then. */
  ips: string[];
  stamps: object[];
}

const kept = new WeakMap<GroupEntry, Kept>();

function toSymbol(doc: TextDocument, s: InventorySymbol): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: s.name,
    detail: s.detail,
    kind: s.kind === 'group' ? SymbolKind.Namespace : SymbolKind.Object,
    range: toRange(doc, s.span),
    selectionRange: toRange(doc, s.selection),
  };
  if (s.children.length) symbol.children = s.children.map((c) => toSymbol(doc, c));
  return symbol;
}

function stillValid(k: Kept, resolver: Resolver): boolean {
  for (let i = 0; i < k.ips.length; i++) if (resolver.stamp(k.ips[i]) !== k.stamps[i]) return false;
  return true;
}

function moveRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function moved(s: DocumentSymbol, lines: number): DocumentSymbol {
  const symbol: DocumentSymbol = { ...s, range: moveRange(s.range, lines), selectionRange: moveRange(s.selectionRange, lines) };
  if (s.children) symbol.children = s.children.map((c) => moved(c, lines));
  return symbol;
}

/** The outline of an inventory: its top-level groups, reusing what an earlier version built. */
export function outline(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const resolver = analysis.resolver;
  const symbols: DocumentSymbol[] = [];
  for (const g of analysis.inventory.groups) {
    if (g.depth !== 1) continue;
    const k = kept.get(g);
    if (k && stillValid(k, resolver)) {
      // the group's own text is unchanged (else its entry would be new): only its first line may have moved
      const at = doc.positionAt(g.keyNode.range![0]);
      const was = k.symbol.selectionRange.start;
      if (was.character === at.character) {
        if (was.line !== at.line) k.symbol = moved(k.symbol, at.line - was.line);
        symbols.push(k.symbol);
        continue;
      }
    }
    const symbol = toSymbol(doc, groupSymbol(analysis, g));
    const ips = hostsUnder(g);
    kept.set(g, { symbol, ips, stamps: ips.map((ip) => resolver.stamp(ip)) });
    symbols.push(symbol);
  }
  return symbols;
}

export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: true },
  register(connection, ctx) {
    // what the client was last told of each document's cut (`listed/total/limit`): it hears of changes only
    const told = new Map<string, string>();
    connection.onDocumentSymbol((params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return [];
      const limit = ctx.settings().outlineMaxItems;
      const { symbols, listed, total } = limitOutline(outline(doc, ctx.analysis(doc)), limit);
      const state = listed < total ? `${listed}/${total}/${limit}` : '';
      if (state !== (told.get(doc.uri) ?? '')) {
        told.set(doc.uri, state);
        void connection.sendNotification(OUTLINE_LIMIT_NOTIFICATION, { uri: doc.uri, listed, total, limit } satisfies OutlineLimitParams);
      }
      return symbols;
    });
    ctx.documents.onDidClose((e) => told.delete(e.document.uri));
  },
};
