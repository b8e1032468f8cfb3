// "New Citus cluster…": asks for the shape; the server generates a consistent group and inserts it.
import * as vscode from 'vscode';
import { GetClient, serverCommand, targetDocument } from './server';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ipCheck = (v: string) => (IPV4.test(v.trim()) && v.trim().split('.').every((p) => Number(p) <= 255) ? undefined : vscode.l10n.t('An IPv4 address, like 10.10.10.20'));
const intCheck = (min: number, max: number) => (v: string) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : vscode.l10n.t('A whole number from {0} to {1}', min, max));

export function newCitusClusterCommand(getClient: GetClient) {
  return async (): Promise<void> => {
    const target = targetDocument();
    if (!target) return;
    const ask = (prompt: string, value: string, validateInput: (v: string) => string | undefined) =>
      vscode.window.showInputBox({ title: vscode.l10n.t('New Citus cluster'), prompt, value, validateInput, ignoreFocusOut: true });
    const shard = await ask(vscode.l10n.t('Shard name (pg_shard; groups are named shard + group number)'), 'pg-citus', (v) =>
      /^[a-z][a-z0-9-]*$/.test(v) ? undefined : vscode.l10n.t('Lowercase letters, digits and "-", starting with a letter'));
    if (!shard) return;
    const workers = await ask(vscode.l10n.t('Number of worker groups (the coordinator is group 0)'), '2', intCheck(1, 64));
    if (!workers) return;
    const replicas = await vscode.window.showQuickPick(
      [
        { label: '1', description: vscode.l10n.t('primary + 1 replica per group (production)') },
        { label: '0', description: vscode.l10n.t('primary only (sandbox)') },
        { label: '2', description: vscode.l10n.t('primary + 2 replicas per group') },
      ],
      { title: vscode.l10n.t('New Citus cluster'), placeHolder: vscode.l10n.t('Replicas per group') },
    );
    if (!replicas) return;
    const firstIp = await ask(vscode.l10n.t('IP of the first host (the others follow consecutively)'), '10.10.10.20', ipCheck);
    if (!firstIp) return;
    const vipStart = await ask(vscode.l10n.t('First VIP (one per group, consecutive, in the hosts\' subnet)'), '10.10.10.60', ipCheck);
    if (!vipStart) return;
    const iface = await ask(vscode.l10n.t('Network interface that holds the hosts\' IPs (pg_vip_interface)'), 'eth1', (v) =>
      /^[^\s/:]{1,15}$/.test(v) ? undefined : vscode.l10n.t('A network interface name, like eth1'));
    if (!iface) return;
    const reply = await serverCommand<{ applied?: boolean }>(getClient, 'pigsty.server.newCitusCluster', {
      uri: target.uri,
      options: { shard, workers: Number(workers), replicas: Number(replicas.label), firstIp: firstIp.trim(), vipStart: vipStart.trim(), interface: iface },
    });
    if (reply?.applied) void vscode.window.showInformationMessage(vscode.l10n.t('Pigsty: Citus cluster {0} added with a generated dbsu password.', shard));
  };
}
