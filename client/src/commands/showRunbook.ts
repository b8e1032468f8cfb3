// "Show recovery runbook": the server writes the Markdown for the cluster; the client shows it.
import * as vscode from 'vscode';
import { GetClient, pickCluster, serverCommand, targetDocument } from './server';

export function showRunbookCommand(getClient: GetClient) {
  return async (uri?: string, clusterArg?: string, survivorArg?: string): Promise<void> => {
    const target = targetDocument(uri);
    if (!target) return;
    const picked = await pickCluster(getClient, target.uri, target.position, clusterArg);
    if (!picked) return;
    const members = picked.at.clusters.find((c) => c.name === picked.cluster)?.members ?? [];
    let survivor = survivorArg ?? (picked.at.host && members.includes(picked.at.host) ? picked.at.host : undefined);
    if (!survivor && members.length > 1) {
      survivor = await vscode.window.showQuickPick(members, { placeHolder: vscode.l10n.t('Which host of {0} is still running?', picked.cluster) });
      if (!survivor) return;
    }
    const reply = await serverCommand<{ markdown?: string }>(getClient, 'pigsty.server.runbook', { uri: target.uri, cluster: picked.cluster, survivor });
    if (!reply?.markdown) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: reply.markdown });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  };
}
