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
    const survivor = here ?? (await vscode.window.showQuickPick(members, { placeHolder: vscode.l10n.t('Which host of {0} survives?', picked.cluster) }));
    if (!survivor) return;
    const others = members.filter((ip) => ip !== survivor);
    const failed = await vscode.window.showQuickPick(
      others.map((ip) => ({ label: ip, picked: true })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Which hosts of {0} failed for good? ({1} survives)', picked.cluster, survivor) },
    );
    if (!failed || failed.length === 0) return;
    const reply = await serverCommand<{ applied?: boolean; changes?: string[]; notes?: string[] }>(getClient, 'pigsty.server.promoteSurvivor', {
      uri: target.uri,
      survivor,
      failed: failed.map((f) => f.label),
    });
    if (!reply) return;
    const notes = reply.notes?.length ? ' ' + vscode.l10n.t('Review: {0}', reply.notes.join(' ')) : '';
    const runbook = vscode.l10n.t('Show recovery runbook');
    const done = vscode.l10n.t('Pigsty: {0} is now the surviving primary of {1} ({2} changes).', survivor, picked.cluster, reply.changes?.length ?? 0);
    const action = await vscode.window.showInformationMessage(done + notes, runbook);
    if (action) await vscode.commands.executeCommand('pigsty.showRunbook', target.uri, picked.cluster, survivor);
  };
}
