// Spawns the real language server (server/bin/pigsty-language-server --stdio) and talks LSP to it.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

export const SERVER_BIN = path.resolve(__dirname, '../../../server/bin/pigsty-language-server');

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcess;
  /** Resolves with the first diagnostics published for `uri` at `version` (or any version if omitted). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<void>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** How many times the server asked the editor to fetch code lenses again (workspace/codeLens/refresh). */
  codeLensRefreshes(): number;
  /** The params of the notifications received so far that no handler above takes (custom ones: `pigsty/...`), by method. */
  notified(method: string): unknown[];
  stderr(): string;
  /** Drops what was received for `uri` (diagnostics, notifications), so that a long session holds only its open documents'. */
  forget(uri: string): void;
  close(): Promise<void>;
}

export async function startLsp(options: { locale?: string; initializationOptions?: unknown; configuration?: unknown } = {}): Promise<LspSession> {
  const proc = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.configuration ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  let codeLensRefreshes = 0;
  connection.onRequest('workspace/codeLens/refresh', () => {
    codeLensRefreshes++;
    return null;
  });
  let notified: { method: string; params: unknown }[] = [];
  connection.onUnhandledNotification((n) => notified.push({ method: n.method, params: n.params }));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: options.locale ?? 'en',
    capabilities: {
      workspace: { configuration: true, codeLens: { refreshSupport: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
      },
    },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  const session: LspSession = {
    connection,
    process: proc,
    diagnostics(uri, version, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const check = () => {
          const hit = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
          if (hit) {
            clearTimeout(timer);
            resolve(hit.diagnostics);
          } else waiters.push(check);
        };
        check();
      });
    },
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    },
    async change(uri, version, changes) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    request(method, params) {
      return connection.sendRequest(method, params);
    },
    codeLensRefreshes: () => codeLensRefreshes,
    notified: (method) => notified.filter((n) => n.method === method).map((n) => n.params),
    stderr: () => stderr,
    forget(uri) {
      published = published.filter((p) => p.uri !== uri);
      notified = notified.filter((n) => (n.params as { uri?: unknown } | null)?.uri !== uri);
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      proc.kill();
    },
  };
  return session;
}
