// `pigsty-lint --graph dot|mermaid FILE`: prints the topology instead of the findings. What the
// drawing leaves out (a YAML error hides what follows it) is said on stderr and in a comment.
import { analyze } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import { LineIndex } from '../engine/lines';
import { toDot } from './dot';
import { leftOutLines } from './labels';
import { toMermaid } from './mermaid';
import { buildTopology } from './model';

export type GraphFormat = 'dot' | 'mermaid';

export interface GraphIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export function isGraphFormat(v: unknown): v is GraphFormat {
  return v === 'dot' || v === 'mermaid';
}

const NOTE = {
  en: (file: string) => `pigsty-lint: ${file}: the graph shows what parses; left out:\n`,
  'zh-cn': (file: string) => `pigsty-lint: ${file}：图中只包含能解析的部分；未包含：\n`,
};

/** Exit status: 0 drawn, 2 usage or read error. Findings do not change it: the graph shows them. */
export function runGraph(format: GraphFormat, files: string[], read: (path: string) => string, io: GraphIO, lang: Lang): number {
  if (files.length !== 1) {
    io.stderr(`pigsty-lint: --graph draws one inventory at a time (got ${files.length} files)\n`);
    return 2;
  }
  const file = files[0];
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr(`pigsty-lint: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}\n`);
    return 2;
  }
  const model = buildTopology(analyze(text, { lang, assumeInventory: true }));
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line;
  io.stdout(format === 'dot' ? toDot(model, lineOf) : toMermaid(model, lineOf));
  const leftOut = leftOutLines(model, lineOf);
  if (leftOut.length) io.stderr(NOTE[lang](file) + leftOut.map((l) => `  ${l}\n`).join(''));
  return 0;
}
