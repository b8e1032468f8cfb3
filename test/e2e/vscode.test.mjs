// @ts-check
// End-to-end: the packaged .vsix installed in code-server (VS Code 1.100.3), driven in Chromium.
// Each scenario checks what a person sees and saves test-results/<scenario>.png.
// Run with `npm run test:e2e` (installs code-server, builds the .vsix, then runs this file).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCodeServer } from './harness/codeServer.mjs';
import { openWorkbench } from './harness/workbench.mjs';
import { SCENARIOS } from './scenarios.mjs';

/** @type {import('./harness/codeServer.mjs').CodeServer | undefined} */
let server;
/** @type {import('./harness/workbench.mjs').Workbench | undefined} */
let wb;

async function stopAll() {
  await wb?.close().catch(() => {});
  wb = undefined;
  await server?.stop();
  server = undefined;
}

// The whole file must end well inside CI's budget, whatever hangs.
const watchdog = setTimeout(() => {
  process.stderr.write('e2e: watchdog: the run took over 13 minutes; stopping code-server and Chromium\n');
  stopAll().finally(() => process.exit(1));
}, 13 * 60_000);
watchdog.unref();
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(sig, () => { stopAll().finally(() => process.exit(1)); });

describe('VS Code (code-server 4.100.3) with the packaged extension', { timeout: 12 * 60_000 }, () => {
  before(async () => {
    server = await startCodeServer();
    wb = await openWorkbench(server.url, server.workspace);
  }, { timeout: 4 * 60_000 });

  after(async () => {
    await stopAll();
    clearTimeout(watchdog);
  }, { timeout: 60_000 });

  for (const scenario of SCENARIOS) {
    it(scenario.title, { timeout: 3 * 60_000 }, async () => {
      assert.ok(wb && server, 'the workbench did not start (see the before hook error)');
      const ctx = {
        wb,
        /** the file as saved on disk in the throwaway workspace */
        read: (/** @type {string} */ rel) => readFileSync(path.join(/** @type {any} */ (server).workspace, rel), 'utf8'),
        shot: () => /** @type {any} */ (wb).screenshot(scenario.name),
      };
      try {
        await wb.reset();
        await scenario.run(ctx);
      } catch (err) {
        await wb.screenshot(`${scenario.name}-failed`).catch(() => {});
        const log = server.log();
        throw new Error(`${/** @type {Error} */ (err).message}\n(screenshot: test-results/${scenario.name}-failed.png; logs: test-results/code-server-logs/)\n--- code-server output (tail) ---\n${log.slice(-3000)}`);
      }
    });
  }
});
