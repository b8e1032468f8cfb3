// Calls the language server's commands (workspace/executeCommand): the server computes, the client asks.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type GetClient = () => LanguageClient | undefined;

export interface ClusterAt {
  host?: string;
  cluster?: string;
  clusters: { name: string; members: string[] }[];
  error?: string;
}

export async function serverCommand<T>(getClient: GetClient, command: string, args: Record<string, unknown>): Promise<T | undefined> {
  const client = getClient();
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Pigsty: the language server is not running.'));
    return undefined;
  }
  const reply = await client.sendRequest<T>('workspace/executeCommand', { command, arguments: [args] });
  const error = (reply as { error?: string } | null)?.error;
  if (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Pigsty: the command failed: {0}', error));
    return undefined;
  }
  return reply;
}

/** The inventory being edited: the given uri, else the active editor's document. */
export function targetDocument(uri?: string): { uri: string; position?: vscode.Position } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (uri) return { uri, position: editor?.document.uri.toString() === uri ? editor.selection.active : undefined };
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pigsty: open a Pigsty inventory (pigsty.yml) first.'));
    return undefined;
  }
  return { uri: editor.document.uri.toString(), position: editor.selection.active };
}

/** The pg cluster to act on: the one under the cursor, else the user's pick. */
export async function pickCluster(getClient: GetClient, uri: string, position: vscode.Position | undefined, given?: string): Promise<{ at: ClusterAt; cluster: string } | undefined> {
  const at = await serverCommand<ClusterAt>(getClient, 'pigsty.server.clusterAt', { uri, position });
  if (!at) return undefined;
  if (!at.clusters.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pigsty: this inventory has no PostgreSQL cluster.'));
    return undefined;
  }
  const cluster = given ?? at.cluster ?? (await vscode.window.showQuickPick(at.clusters.map((c) => ({ label: c.name, description: c.members.join(', ') })), { placeHolder: vscode.l10n.t('Which PostgreSQL cluster?') }))?.label;
  return cluster ? { at, cluster } : undefined;
}
