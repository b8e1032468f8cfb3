// @ts-check
// A second, non-VS Code client: Debian's Neovim (0.7, vim.lsp.start_client) runs headless against
// server/bin/pigsty-language-server --stdio and reports the diagnostics it received.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import expected from './expected.cjs';
import { NVIM, REPO, WORKSPACE_FIXTURE } from './harness/paths.mjs';

const SERVER = path.join(REPO, 'server', 'bin', 'pigsty-language-server');
const SCRIPT = path.join(REPO, 'test', 'e2e', 'nvim', 'collect-diagnostics.lua');

/** @returns {Promise<{code: string, line: number, column: number, severity: number, source: string, message: string}[]>} */
async function diagnosticsInNeovim(/** @type {string} */ file) {
  if (!existsSync(NVIM)) throw new Error(`Neovim not found at ${NVIM}: run \`bash scripts/e2e-setup.sh\` (installs Debian's neovim)`);
  if (!existsSync(path.join(REPO, 'dist', 'server.js'))) throw new Error('dist/server.js missing: run `npm run build` first');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pigsty-nvim-'));
  const out = path.join(tmp, 'diagnostics.json');
  try {
    const env = { ...process.env, PIGSTY_FILE: file, PIGSTY_SERVER: SERVER, PIGSTY_OUT: out, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp, XDG_CACHE_HOME: tmp };
    const result = await new Promise((resolve) => {
      execFile(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], { env, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ err, stdout, stderr }));
    });
    if (existsSync(`${out}.error`)) throw new Error(`Neovim script failed: ${readFileSync(`${out}.error`, 'utf8')}`);
    if (!existsSync(out)) throw new Error(`Neovim wrote no diagnostics (${result.err?.message ?? 'no error'}):\n${result.stdout}\n${result.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe('Neovim 0.7 as an LSP client of pigsty-language-server --stdio', () => {
  it('receives the identity errors of the fixture inventory on their lines', async () => {
    const { file, items } = expected.diagnostics;
    // errors only: other rules may add warnings or hints to the same fixture
    const diags = (await diagnosticsInNeovim(path.join(WORKSPACE_FIXTURE, file))).filter((d) => d.severity === 1);
    assert.deepEqual(diags.map((d) => `${d.line}:${d.column}:${d.code}`), items.map((d) => `${d.line}:${d.column}:${d.code}`));
    diags.forEach((d, i) => {
      assert.equal(d.source, 'pigsty');
      assert.equal(d.severity, 1); // vim.diagnostic.severity.ERROR
      assert.match(d.message, items[i].message);
    });
  });
});
