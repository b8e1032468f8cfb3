// VS Code client: starts the Pigsty language server for inventories only, and owns the UI.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerRecoveryCommands } from './commands';
import { OutlineLimitStatus } from './outlineLimit';
import { initializationFailed, serverErrorHandler } from './serverHealth';
import { showTopologyCommand } from './topology/panel';
import { registerWorkspaceLint } from './workspaceLint';

let client: LanguageClient | undefined;
let outlineLimit: OutlineLimitStatus | undefined;
let following: vscode.Disposable | undefined;

/** pigsty.yml, YAML under a conf/ folder, and the user's extra globs. Content-detected inventories
 * (top level `all:`) are covered by the `yaml` selector and filtered by the server. */
function documentSelector(): LanguageClientOptions['documentSelector'] {
  const globs = vscode.workspace.getConfiguration('pigsty').get<string[]>('inventoryGlobs', []);
  return [
    { scheme: 'file', language: 'yaml' },
    { scheme: 'untitled', language: 'yaml' },
    { scheme: 'file', pattern: '**/pigsty.{yml,yaml}' },
    { scheme: 'file', pattern: '**/conf/**/*.{yml,yaml}' },
    ...globs.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

function settings(): unknown {
  const c = vscode.workspace.getConfiguration('pigsty');
  return {
    enable: c.get('enable'), inventoryGlobs: c.get('inventoryGlobs'), rules: c.get('rules'),
    codeLens: { clusterLimit: c.get('codeLens.clusterLimit') },
    outline: { maxItems: c.get('outline.maxItems') },
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Pigsty', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'pigsty' },
    initializationOptions: { settings: settings() },
    outputChannel: output,
    revealOutputChannelOn: 4 /* never: the channel opens only when the user asks, or on failure */,
    errorHandler: serverErrorHandler(output),
    initializationFailedHandler: initializationFailed(output),
  };
  client = new LanguageClient('pigsty', 'Pigsty Language Server', serverOptions, clientOptions);
  following?.dispose();
  following = outlineLimit?.follow(client);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outlineLimit = new OutlineLimitStatus();
  context.subscriptions.push(
    outlineLimit,
    vscode.commands.registerCommand('pigsty.restartServer', async () => {
      if (client) await client.restart();
      else await start(context);
    }),
    vscode.commands.registerCommand('pigsty.showTopology', showTopologyCommand(context, () => client)),
    ...registerRecoveryCommands(() => client),
    ...registerWorkspaceLint(() => client),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // the selector is fixed when the client starts: a new glob needs a restart
      if (e.affectsConfiguration('pigsty.inventoryGlobs') && client) {
        await client.stop();
        client = undefined;
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  following?.dispose();
  following = undefined;
  if (client) await client.stop();
  client = undefined;
}
