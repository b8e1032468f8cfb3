// "New Citus cluster…": asks for the shape; the server generates a consistent group and inserts it.
import * as vscode from 'vscode';
import { GetClient, serverCommand, targetDocument } from './server';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ipCheck = (v: string) => (IPV4.test(v.trim()) && v.trim().split('.').every((p) => Number(p) <= 255) ? undefined : 'An IPv4 address, like 10.10.10.20');
const intCheck = (min: number, max: number) => (v: string) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : `A whole number from ${min} to ${max}`);

export function newCitusClusterCommand(getClient: GetClient) {
  return async (): Promise<void> => {
    const target = targetDocument();
    if (!target) return;
    const ask = (prompt: string, value: string, validateInput: (v: string) => string | undefined) =>
      vscode.window.showInputBox({ title: 'New Citus cluster', prompt, value, validateInput, ignoreFocusOut: true });
    const shard = await ask('Shard name (pg_shard; groups are named shard + group number)', 'pg-citus', (v) =>
      /^[a-z][a-z0-9-]*$/.test(v) ? undefined : 'Lowercase letters, digits and "-", starting with a letter');
    if (!shard) return;
    const workers = await ask('Number of worker groups (the coordinator is group 0)', '2', intCheck(1, 64));
    if (!workers) return;
    const replicas = await vscode.window.showQuickPick(
      [{ label: '1', description: 'primary + 1 replica per group (production)' }, { label: '0', description: 'primary only (sandbox)' }, { label: '2', description: 'primary + 2 replicas per group' }],
      { title: 'New Citus cluster', placeHolder: 'Replicas per group' },
    );
    if (!replicas) return;
    const firstIp = await ask('IP of the first host (the others follow consecutively)', '10.10.10.20', ipCheck);
    if (!firstIp) return;
    const vipStart = await ask('First VIP (one per group, consecutive, in the hosts\' /24)', '10.10.10.60', ipCheck);
    if (!vipStart) return;
    const iface = await ask('Network interface that holds the hosts\' IPs (pg_vip_interface)', 'eth1', (v) =>
      /^[^\s/:]{1,15}$/.test(v) ? undefined : 'A network interface name, like eth1');
    if (!iface) return;
    const reply = await serverCommand<{ applied?: boolean }>(getClient, 'pigsty.server.newCitusCluster', {
      uri: target.uri,
      options: { shard, workers: Number(workers), replicas: Number(replicas.label), firstIp: firstIp.trim(), vipStart: vipStart.trim(), interface: iface },
    });
    if (reply?.applied) void vscode.window.showInformationMessage(`Pigsty: Citus cluster ${shard} added with a generated dbsu password.`);
  };
}
