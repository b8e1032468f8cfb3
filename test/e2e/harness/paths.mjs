// @ts-check
// Where the end-to-end run finds its tools and writes its results.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = process.env.PIGSTY_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'pigsty-e2e');
export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.PIGSTY_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const NVIM = process.env.PIGSTY_E2E_NVIM ?? '/usr/bin/nvim';
export const RESULTS = path.join(REPO, 'test-results');
export const WORKSPACE_FIXTURE = path.join(REPO, 'test', 'e2e', 'workspace');

const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
export const VSIX = process.env.PIGSTY_VSIX ?? path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
