// Build: type-check and compile everything to out/ (tests run from there), then bundle the
// client, the language server and the CLI with esbuild into dist/ (what the .vsix and bins use).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const production = process.argv.includes('--production');
try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
} catch {
  console.error('build: TypeScript reported errors (above)');
  process.exit(1);
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // the topology view's script runs in the webview (a browser page), not in Node
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['client/src/topology/webview.ts'], outfile: 'dist/topology.js' }),
]);
