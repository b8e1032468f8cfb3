// Publishes diagnostics on open and change. A burst of changes costs one validation: work is
// scheduled after pending input is read, and only the newest version is validated and published.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { ServerContext } from './server';

export function registerDiagnostics(connection: Connection, ctx: ServerContext): { refreshAll(): void } {
  const pending = new Map<string, NodeJS.Immediate>();

  function publish(doc: TextDocument): void {
    pending.delete(doc.uri);
    const current = ctx.documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer version is queued
    if (!ctx.isInventory(current)) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    let diagnostics;
    try {
      const analysis = ctx.analysis(current);
      diagnostics = analysis.findings.map((f) => toDiagnostic(current, f));
    } catch (err) {
      connection.console.error(`pigsty: validation of ${doc.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return;
    }
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function schedule(doc: TextDocument): void {
    const prior = pending.get(doc.uri);
    if (prior) clearImmediate(prior);
    pending.set(doc.uri, setImmediate(() => publish(doc)));
  }

  ctx.documents.onDidOpen((e) => schedule(e.document));
  ctx.documents.onDidChangeContent((e) => schedule(e.document));
  ctx.documents.onDidClose((e) => {
    const prior = pending.get(e.document.uri);
    if (prior) clearImmediate(prior);
    pending.delete(e.document.uri);
    ctx.analyses.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    refreshAll() {
      ctx.analyses.clear();
      for (const doc of ctx.documents.all()) schedule(doc);
    },
  };
}
