// `npm start`: lint the bundled example inventory and show the findings (the example has
// mistakes on purpose, so a non-zero lint status is expected here and not an npm failure).
import { spawnSync } from 'node:child_process';

const example = 'examples/pigsty.yml';
console.log(`$ pigsty-lint ${example}\n`);
const r = spawnSync(process.execPath, ['server/bin/pigsty-lint', example, ...process.argv.slice(2)], { stdio: 'inherit' });
console.log(`\npigsty-lint exited with status ${r.status} (0 = no errors, 1 = errors found, 2 = usage error).`);
process.exit(r.status === 2 ? 2 : 0);
