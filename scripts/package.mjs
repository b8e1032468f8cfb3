// npm run package: production esbuild bundles, then a .vsix with @vscode/vsce (no node_modules:
// client and server are bundled). Checks the result: size under 1 MB, and no sources, tests,
// source maps or node_modules inside. Prints the .vsix path on the last line.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = process.env.PIGSTY_VSIX ?? path.join(root, `${pkg.name}-${pkg.version}.vsix`);
const LIMIT = 1024 * 1024;

function run(args, opts = {}) {
  try {
    return execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  } catch {
    console.error(`package: \`node ${args.join(' ')}\` failed (output above)`);
    process.exit(1);
  }
}

run(['scripts/build.mjs', '--production']);
run([
  'node_modules/@vscode/vsce/vsce', 'package',
  '--no-dependencies', // bundled by esbuild
  '--allow-missing-repository', // not published yet; README links stay relative
  '--no-rewrite-relative-links',
  '--skip-license',
  '-o', out,
], { stdio: ['ignore', 2, 'inherit'] });

const listing = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n').filter(Boolean);
const forbidden = listing.filter((f) => /(^|\/)node_modules\/|^(server|client)\/src\/|^test\/|\.map$|\.ts$/.test(f));
const size = statSync(out).size;
const problems = [];
for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/topology.js']) {
  if (!listing.includes(bundle)) problems.push(`bundle ${bundle} missing from the package: ${listing.join(', ')}`);
}
if (forbidden.length) problems.push(`files that must not ship: ${forbidden.join(', ')}`);
// everything package.json points at must be inside: the bundle, snippets, l10n, the %nls% strings
const referenced = [pkg.main, ...(pkg.contributes?.snippets ?? []).map((s) => s.path)].map((p) => path.posix.normalize(p));
if (JSON.stringify(pkg).includes('%')) referenced.push('package.nls.json');
const missing = referenced.filter((f) => !listing.includes(f));
if (pkg.l10n && !listing.some((f) => f.startsWith(path.posix.normalize(pkg.l10n) + '/'))) missing.push(`${pkg.l10n}/*`);
if (missing.length) problems.push(`files package.json refers to are not in the package: ${missing.join(', ')}`);
if (size >= LIMIT) problems.push(`package is ${size} bytes, over the 1 MB target`);
if (problems.length) {
  console.error(`package: ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`package: ${listing.length} files, ${(size / 1024).toFixed(0)} KiB: ${listing.join(', ')}`);
console.log(out);
