// Runs pigsty-lint in-process over an in-memory set of files, or points at the real launcher.
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';

export const ROOT = path.resolve(__dirname, '../../..');
export const LINT_BIN = path.join(ROOT, 'server/bin/pigsty-lint');

/** `files` maps the paths the CLI is given to their text; any other path reads as missing. */
export function runCli(argv: string[], files: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (p) => {
      if (p in files) return files[p];
      const err = new Error('ENOENT') as NodeJS.ErrnoException;
      err.code = 'ENOENT';
      throw err;
    },
  });
  return { code, stdout, stderr };
}
