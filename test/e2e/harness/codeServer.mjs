// @ts-check
// Starts code-server on a free loopback port with a throwaway profile and extensions folder, the
// packaged extension installed into it, and stops it (its whole process group) afterwards.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import expected from '../expected.cjs';
import { CODE_SERVER_BIN, CODE_SERVER_DIR, EXTENSION_ID, REPO, RESULTS, VSIX, WORKSPACE_FIXTURE } from './paths.mjs';

const run = promisify(execFile);

/** Fails with a message that says what to do when something the run needs is not there. */
export function requirePrerequisites() {
  const missing = [];
  if (!existsSync(CODE_SERVER_BIN)) missing.push(`code-server is not installed in ${CODE_SERVER_DIR}: run \`bash scripts/e2e-setup.sh\``);
  if (!existsSync(VSIX)) missing.push(`the packaged extension ${VSIX} is missing: run \`npm run package\``);
  if (missing.length) throw new Error(`end-to-end prerequisites missing:\n  - ${missing.join('\n  - ')}`);
}

/** The fixture workspace plus the shared fixtures the scenarios use, in a folder they may edit. */
export function copyWorkspace(/** @type {string} */ dest) {
  cpSync(WORKSPACE_FIXTURE, dest, { recursive: true });
  for (const [rel, src] of Object.entries(expected.workspaceExtras)) cpSync(path.join(REPO, src), path.join(dest, rel));
}

/** User settings that keep the workbench quiet and deterministic. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'files.autoSave': 'off',
  'editor.wordBasedSuggestions': 'off', // only the language server and snippets may suggest
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggest.showWords': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
};

/**
 * @typedef {{ url: string, workspace: string, userDataDir: string, stop: () => Promise<void>, log: () => string }} CodeServer
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer() {
  requirePrerequisites();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pigsty-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir);
  copyWorkspace(workspace);
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const config = path.join(tmp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  try {
    const { stdout, stderr } = await run(CODE_SERVER_BIN, [...common, '--install-extension', VSIX], { env, timeout: 120_000 });
    if (!/successfully installed/i.test(stdout + stderr)) throw new Error(`${stdout}\n${stderr}`);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`installing ${VSIX} into code-server failed: ${/** @type {Error} */ (err).message}`);
  }
  const installed = readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(EXTENSION_ID.toLowerCase()));
  if (installed.length !== 1) throw new Error(`expected ${EXTENSION_ID} in ${extensionsDir}, found: ${readdirSync(extensionsDir).join(', ')}`);

  // port 0: the kernel picks a free port, code-server prints it
  const child = spawn(CODE_SERVER_BIN, [
    ...common, '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const killGroup = () => { try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killGroup);

  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within 60 s:\n${output}`)), 60_000);
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited (${code}) before listening:\n${output}`)); });
  }).catch((err) => { killGroup(); rmSync(tmp, { recursive: true, force: true }); throw err; });

  let stopped = false;
  return {
    url,
    workspace,
    userDataDir,
    log: () => output,
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => { if (child.exitCode !== null) resolve(null); else child.once('exit', resolve); });
      try { if (child.pid) process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(killGroup, 5000);
      await exited;
      clearTimeout(timer);
      killGroup(); // helpers (extension host, language server) in the same group
      process.removeListener('exit', killGroup);
      saveLogs(userDataDir, output);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Keeps code-server's and the extension host's logs under test-results/ for diagnosis. */
function saveLogs(/** @type {string} */ userDataDir, /** @type {string} */ output) {
  const dest = path.join(RESULTS, 'code-server-logs');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  writeFileSync(path.join(dest, 'code-server.out.log'), output);
  const logs = path.join(userDataDir, 'logs');
  if (existsSync(logs) && statSync(logs).isDirectory()) cpSync(logs, path.join(dest, 'vscode'), { recursive: true });
}
