// The 53 templates Pigsty v4.5.0 ships, read from ../shared (the false-positive test bed).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function findShared(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared');
    if (fs.existsSync(path.join(candidate, 'corpus', 'pigsty-v4.5.0'))) return path.resolve(candidate);
    if (path.dirname(dir) === dir) throw new Error('cannot find ../shared/corpus/pigsty-v4.5.0 next to the repository');
  }
}

export const CORPUS_DIR = path.join(findShared(), 'corpus', 'pigsty-v4.5.0');

export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yml')) out.push(p);
    }
  };
  walk(CORPUS_DIR);
  return out.sort();
}

/** Path relative to the corpus root, e.g. `conf/ha/citus.yml`. */
export function corpusName(file: string): string {
  return path.relative(CORPUS_DIR, file).split(path.sep).join('/');
}
