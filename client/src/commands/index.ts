// The UI commands of issue 5 (promote, runbook, Citus wizard); each asks the user, the server computes.
import * as vscode from 'vscode';
import { newCitusClusterCommand } from './newCitusCluster';
import { promoteSurvivorCommand } from './promoteSurvivor';
import type { GetClient } from './server';
import { showRunbookCommand } from './showRunbook';

export function registerRecoveryCommands(getClient: GetClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('pigsty.promoteSurvivor', promoteSurvivorCommand(getClient)),
    vscode.commands.registerCommand('pigsty.showRunbook', showRunbookCommand(getClient)),
    vscode.commands.registerCommand('pigsty.newCitusCluster', newCitusClusterCommand(getClient)),
  ];
}
