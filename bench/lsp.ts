// A minimal LSP client for the benchmark: spawns a server over stdio, opens one document, applies
// single-character edits and times each until the server publishes diagnostics for that version,
// and times the outline after an edit.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  name: string;
  args: string[];
  /** Answer to workspace/configuration items, by section. */
  configuration?: (section: string | undefined) => unknown;
  /** Sent as workspace/didChangeConfiguration after `initialized`. */
  settings?: unknown;
}

export interface Session {
  process: ChildProcess;
  open(uri: string, text: string): Promise<number>;
  /** Replaces [start, end) of the current text (0-based line/character) and times the diagnostics. */
  edit(uri: string, line: number, character: number, deleteCount: number, insert: string): Promise<number>;
  /** Times textDocument/documentSymbol, what the editor's outline, breadcrumbs and sticky scroll ask. */
  outline(uri: string): Promise<number>;
  peakRssKb(): number;
  close(): Promise<void>;
}

export async function startServer(spec: ServerSpec): Promise<Session> {
  const proc = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', () => undefined);
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let waiter: { uri: string; version: number; resolve: () => void } | null = null;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    // a server that omits the version answers the newest change (both servers validate the newest)
    if (waiter && p.uri === waiter.uri && (p.version === undefined || p.version === waiter.version)) {
      const w = waiter;
      waiter = null;
      w.resolve();
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => spec.configuration?.(item.section) ?? null),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  if (spec.settings) await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
  let version = 0;

  const published = (uri: string, v: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${spec.name}: no diagnostics for v${v} within 120 s`)), 120_000);
      waiter = { uri, version: v, resolve: () => (clearTimeout(timer), resolve()) };
    });

  return {
    process: proc,
    async open(uri, text) {
      version = 1;
      const done = published(uri, version);
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
      await done;
      return performance.now() - t0;
    },
    async edit(uri, line, character, deleteCount, insert) {
      version++;
      const done = published(uri, version);
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: character + deleteCount } }, text: insert }],
      });
      await done;
      return performance.now() - t0;
    },
    async outline(uri) {
      const t0 = performance.now();
      await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      return performance.now() - t0;
    },
    peakRssKb() {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      return m ? Number(m[1]) : NaN;
    },
    async close() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // gone already
      }
      connection.dispose();
      proc.kill();
    },
  };
}
