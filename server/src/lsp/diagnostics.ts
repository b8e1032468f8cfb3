// Publishes diagnostics on open and change, with no fixed delay. A burst of changes costs one
// validation: the work for a document waits two turns of the event loop, one for the I/O poll
// (input that arrived while we were busy is read) and one for the JSON-RPC queue (changes already
// read are applied), and every newer change cancels the pending work. Only the version that is
// current when the work runs is validated, and its diagnostics are sent at once, so results for
// an older version are never published over a newer one. Once the editor has been idle a moment
// after that, the server works out ahead what the next edit of the document needs first.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisStats } from './analyses';
import { toDiagnostic } from './convert';
import type { ServerContext } from './server';

/** Custom request (tests, benchmark): how versions were validated and how many were published. */
export const VALIDATION_STATS_REQUEST = 'pigsty/validationStats';

export interface ValidationStats extends AnalysisStats {
  /** publishDiagnostics notifications sent, per open document URI. */
  published: Record<string, number>;
  /** Versions whose diagnostics were sent, per open document URI, in order (the last 50). */
  versions: Record<string, number[]>;
}

/**
 * How long the editor must stay idle after diagnostics were sent before the server works out ahead
 * what the next edit needs (Analyses.prepareEdits): past the requests an editor sends after opening
 * a file, well before a person types.
 */
const PREPARE_AFTER_MS = 300;

export function registerDiagnostics(connection: Connection, ctx: ServerContext): { refreshAll(): void } {
  const pending = new Map<string, NodeJS.Immediate>();
  const preparing = new Map<string, NodeJS.Timeout>();
  const published: Record<string, number> = {};
  const versions: Record<string, number[]> = {};

  function stopPreparing(uri: string): void {
    const timer = preparing.get(uri);
    if (timer) clearTimeout(timer);
    preparing.delete(uri);
  }

  /** Prepares the next edit of `uri` once the editor has been quiet for PREPARE_AFTER_MS. */
  function prepareLater(uri: string): void {
    stopPreparing(uri);
    preparing.set(uri, setTimeout(() => {
      preparing.delete(uri);
      ctx.analyses.prepareEdits(uri);
    }, PREPARE_AFTER_MS));
  }

  function send(uri: string, version: number | undefined, diagnostics: ReturnType<typeof toDiagnostic>[]): void {
    published[uri] = (published[uri] ?? 0) + 1;
    if (version !== undefined) {
      const sent = (versions[uri] ??= []);
      sent.push(version);
      if (sent.length > 50) sent.shift();
    }
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function publish(uri: string): void {
    pending.delete(uri);
    const current = ctx.documents.get(uri);
    if (!current) return;
    if (!ctx.isInventory(current)) {
      send(uri, current.version, []);
      return;
    }
    let diagnostics;
    try {
      const analysis = ctx.analysis(current);
      diagnostics = analysis.findings.map((f) => toDiagnostic(current, f));
    } catch (err) {
      connection.console.error(`pigsty: validation of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return;
    }
    send(uri, current.version, diagnostics);
    prepareLater(uri);
  }

  function schedule(doc: TextDocument): void {
    const uri = doc.uri;
    stopPreparing(uri);
    const prior = pending.get(uri);
    if (prior) clearImmediate(prior);
    pending.set(
      uri,
      setImmediate(() => pending.set(uri, setImmediate(() => publish(uri)))),
    );
  }

  ctx.documents.onDidOpen((e) => schedule(e.document));
  ctx.documents.onDidChangeContent((e) => schedule(e.document));
  ctx.documents.onDidClose((e) => {
    const prior = pending.get(e.document.uri);
    if (prior) clearImmediate(prior);
    pending.delete(e.document.uri);
    stopPreparing(e.document.uri);
    ctx.analyses.forget(e.document.uri);
    // nothing of a closed document is kept: a session opens and closes many files
    delete published[e.document.uri];
    delete versions[e.document.uri];
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onRequest(VALIDATION_STATS_REQUEST, (): ValidationStats => ({ ...ctx.analyses.stats, published, versions }));

  return {
    refreshAll() {
      ctx.analyses.clear();
      for (const doc of ctx.documents.all()) schedule(doc);
    },
  };
}
