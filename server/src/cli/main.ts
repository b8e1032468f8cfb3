// pigsty-lint: the engine for CI and terminals. `run` is a function so tests call it in-process.
import * as fs from 'fs';
import { analyze } from '../engine/analyze';
import type { Finding, Lang } from '../engine/findings';
import { LineIndex } from '../engine/lines';
import { formatJson, formatText, JsonFinding } from './format';
import { formatSarif, SarifInput } from './sarif';
import { GraphFormat, isGraphFormat, runGraph } from '../topology/cli';

// the launcher (server/bin/pigsty-lint) calls it before `run`; tests call `run` without it
export { delayOptimization } from '../engine/tiering';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile?: (path: string) => string;
}

const USAGE = `usage: pigsty-lint [--format text|json|sarif] [--lang en|zh-cn] [--report-unused-disable] FILE...
       pigsty-lint --graph dot|mermaid [--lang en|zh-cn] FILE   (print the topology)

Checks Pigsty inventories (pigsty.yml). Exit status: 0 no errors, 1 errors found, 2 usage or read error.`;

interface Args {
  format: 'text' | 'json' | 'sarif';
  lang: Lang;
  reportUnusedDisable?: boolean;
  files: string[];
  graph?: GraphFormat;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'text', lang: 'en', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown format '${v ?? ''}': use text, json or sarif`;
      args.format = v;
    } else if (flag === '--graph') {
      const v = value();
      if (!isGraphFormat(v)) return `unknown graph format '${v ?? ''}': use dot or mermaid`;
      args.graph = v;
    } else if (flag === '--lang') {
      const v = (value() ?? '').toLowerCase();
      if (v !== 'en' && v !== 'zh-cn') return `unknown language '${v}': use en or zh-cn`;
      args.lang = v;
    } else if (flag === '--report-unused-disable') {
      args.reportUnusedDisable = true;
    } else if (flag === '--help' || flag === '-h') {
      return 'help';
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option '${flag}'`;
    } else {
      args.files.push(a);
    }
  }
  if (args.files.length === 0) return 'no input file';
  return args;
}

export function run(argv: string[], io: CliIO): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    io.stderr(`pigsty-lint: ${args}\n${USAGE}\n`);
    return 2;
  }
  const read = io.readFile ?? ((p: string) => fs.readFileSync(p === '-' ? 0 : p, 'utf8'));
  if (args.graph) return runGraph(args.graph, args.files, read, io, args.lang);
  const results: JsonFinding[] = [];
  const sarif: SarifInput[] = [];
  let unreadable = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = read(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.stderr(`pigsty-lint: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const analysis = analyze(text, { lang: args.lang, assumeInventory: true, reportUnusedDisable: args.reportUnusedDisable });
    results.push(...toJson(file, text, analysis.findings));
    sarif.push({ file, text, findings: analysis.findings });
  }
  io.stdout(
    args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? formatSarif(sarif, args.lang) : formatText(results, args.lang),
  );
  if (unreadable) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

export function toJson(file: string, text: string, findings: Finding[]): JsonFinding[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const s = lines.position(f.span.start);
    const e = lines.position(f.span.end);
    return {
      file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
    };
  });
}
