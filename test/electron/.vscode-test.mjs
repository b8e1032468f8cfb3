// @vscode/test-cli configuration: the end-to-end scenarios inside a real VS Code (Electron), through
// the VS Code API instead of the screen. NEEDS THE NETWORK: @vscode/test-electron downloads VS Code
// into .vscode-test/ on first use (the code-server run, `npm run test:e2e`, is the offline one).
// Run: `npm run test:electron` (on a headless Linux machine: `xvfb-run -a npm run test:electron`).
// VS Code version: the engines floor 1.91.0 unless PIGSTY_VSCODE_VERSION says otherwise.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import expected from '../e2e/expected.cjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
// a throwaway copy: scenarios edit and save files
const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'pigsty-electron-')), 'workspace');
cpSync(path.join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
for (const [rel, src] of Object.entries(expected.workspaceExtras)) cpSync(path.join(repo, src), path.join(workspace, rel));

export default defineConfig({
  label: 'scenarios',
  files: 'suite/*.test.cjs', // relative to this file
  version: process.env.PIGSTY_VSCODE_VERSION ?? '1.91.0',
  extensionDevelopmentPath: repo,
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 60_000 },
});
