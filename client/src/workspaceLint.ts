// "Pigsty: Lint workspace inventories": every YAML file of the workspace goes to the language
// server (`pigsty/lintText`), which says whether it is an inventory and what is wrong with it.
// Results land in the Problems panel; files open in an editor keep the live diagnostics instead.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const LINT_TEXT_REQUEST = 'pigsty/lintText';
const MAX_FILES = 5000;
const EXCLUDE = '**/{node_modules,.git,.venv,venv,__pycache__}/**';

interface LintTextResult {
  isInventory: boolean;
  diagnostics: Parameters<LanguageClient['protocol2CodeConverter']['asDiagnostics']>[0];
}

export interface WorkspaceLintSummary {
  files: number;
  inventories: number;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

export function registerWorkspaceLint(getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('pigsty-workspace');
  return [
    collection,
    // once a file is open the language server publishes for it: drop our copy, no doubles
    vscode.workspace.onDidOpenTextDocument((doc) => collection.delete(doc.uri)),
    vscode.commands.registerCommand('pigsty.lintWorkspace', () => lintWorkspace(getClient, collection)),
  ];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // gone or unreadable since the search: nothing to report
  }
}

export async function lintWorkspace(
  getClient: () => LanguageClient | undefined,
  collection: vscode.DiagnosticCollection,
): Promise<WorkspaceLintSummary | undefined> {
  const client = getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Pigsty: the language server is not running.'));
    return undefined;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pigsty: open a folder to lint its inventories.'));
    return undefined;
  }
  const summary: WorkspaceLintSummary = { files: 0, inventories: 0, errors: 0, warnings: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pigsty: linting workspace inventories'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{yml,yaml}', EXCLUDE, MAX_FILES, token);
      collection.clear();
      summary.files = files.length;
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ increment: 100 / files.length, message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}` });
        const text = await readText(uri);
        if (text === undefined) continue;
        let reply: LintTextResult | undefined;
        try {
          reply = await client.sendRequest<LintTextResult>(LINT_TEXT_REQUEST, { uri: uri.toString(), text }, token);
        } catch {
          // cancelled, or the server failed on this one file (it logs why): go on with the others
          if (token.isCancellationRequested) summary.cancelled = true;
          continue;
        }
        if (!reply?.isInventory) continue;
        summary.inventories++;
        const diagnostics = await client.protocol2CodeConverter.asDiagnostics(reply.diagnostics);
        summary.errors += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        summary.warnings += diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        const isOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
        if (!isOpen) collection.set(uri, diagnostics);
      }
    },
  );
  const message = vscode.l10n.t(
    'Pigsty: {0} inventories checked ({1} YAML files): {2} errors, {3} warnings.',
    summary.inventories,
    summary.files,
    summary.errors,
    summary.warnings,
  );
  void vscode.window.showInformationMessage(summary.cancelled ? `${message} ${vscode.l10n.t('Stopped before the end.')}` : message);
  if (summary.errors + summary.warnings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
