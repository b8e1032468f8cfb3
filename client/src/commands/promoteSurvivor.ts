// "Promote surviving node": asks which host survives and which hosts failed; the server edits the inventory.
import * as vscode from 'vscode';
import { GetClient, pickCluster, serverCommand, targetDocument } from './server';

export function promoteSurvivorCommand(getClient: GetClient) {
  return async (uri?: string, survivorArg?: string): Promise<void> => {
    const target = targetDocument(uri);
    if (!target) return;
    const picked = await pickCluster(getClient, target.uri, target.position);
    if (!picked) return;
    const members = picked.at.clusters.find((c) => c.name === picked.cluster)?.members ?? [];
    const here = survivorArg ?? (picked.at.host && members.includes(picked.at.host) ? picked.at.host : undefined);
    const survivor = here ?? (await vscode.window.showQuickPick(members, { placeHolder: `Which host of ${picked.cluster} survives?` }));
    if (!survivor) return;
    const others = members.filter((ip) => ip !== survivor);
    const failed = await vscode.window.showQuickPick(
      others.map((ip) => ({ label: ip, picked: true })),
      { canPickMany: true, placeHolder: `Which hosts of ${picked.cluster} failed for good? (${survivor} survives)` },
    );
    if (!failed || failed.length === 0) return;
    const reply = await serverCommand<{ applied?: boolean; changes?: string[]; notes?: string[] }>(getClient, 'pigsty.server.promoteSurvivor', {
      uri: target.uri,
      survivor,
      failed: failed.map((f) => f.label),
    });
    if (!reply) return;
    const notes = reply.notes?.length ? ` Review: ${reply.notes.join(' ')}` : '';
    const action = await vscode.window.showInformationMessage(
      `Pigsty: ${survivor} is now the surviving primary of ${picked.cluster} (${reply.changes?.length ?? 0} changes).${notes}`,
      'Show recovery runbook',
    );
    if (action) await vscode.commands.executeCommand('pigsty.showRunbook', target.uri, picked.cluster, survivor);
  };
}
