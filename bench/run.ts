// npm run bench: generated inventories of 30, 300, 1,000 and 3,000 clusters, measured side by side
// for this server and yaml-language-server (with schemas/pigsty.schema.json), plus the bare
// `yaml.parseDocument` time of the same text (the floor). Medians over several runs; the table is
// printed and written to bench/RESULTS.md.
//   BENCH_SIZES=30,300 BENCH_RUNS=3 BENCH_EDITS=10 npm run bench
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInventory, prng } from './generate';
import { ServerSpec, startServer } from './lsp';

const ROOT = process.env.BENCH_ROOT ?? path.resolve(__dirname, '../..');
const WORK = path.join(ROOT, 'bench', '.work');
const SIZES = (process.env.BENCH_SIZES ?? '30,300,1000,3000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 10);

interface ServerResult {
  open: number;
  p50: number;
  p90: number;
  /** documentSymbol after a keystroke, p50. */
  outline: number;
  /** Keystrokes typing a new host line, p50: half-typed, the line is a YAML problem. */
  lineP50: number;
  /** Keystrokes in a pasted copy of a cluster, its key repeated, p50. */
  copyP50: number;
  rssMb: number;
}

interface Row {
  clusters: number;
  lines: number;
  kb: number;
  floor: number;
  coldFloor: number;
  cli: number;
  ours: ServerResult;
  yls: ServerResult;
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

function schemaPath(): { file: string; real: boolean } {
  const real = path.join(ROOT, 'schemas', 'pigsty.schema.json');
  if (fs.existsSync(real)) return { file: real, real: true };
  const fallback = path.join(WORK, 'minimal.schema.json');
  fs.writeFileSync(fallback, JSON.stringify({ type: 'object', properties: { all: { type: 'object', properties: { children: { type: 'object' }, vars: { type: 'object' } } } } }));
  return { file: fallback, real: false };
}

function servers(schema: string): ServerSpec[] {
  const yamlSettings = { schemas: { [pathToFileURL(schema).href]: ['*.yml'] }, validate: true, hover: false, completion: false };
  return [
    { name: 'ours', args: [path.join(ROOT, 'server', 'bin', 'pigsty-language-server'), '--stdio'] },
    {
      name: 'yls',
      args: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      settings: { yaml: yamlSettings },
      configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'editor' ? { tabSize: 2 } : null),
    },
  ];
}

/**
 * Where the single-character edits go: one character typed three characters into a value, then
 * deleted, taking the kinds of value in turn. Passwords change no other value; `pg_seq`, `pg_role`
 * and `pg_vip_address` make a finding appear and go (identity, VIP and Citus rules); `pg_cluster`
 * renames a cluster, so every cluster-by-cluster rule judges every cluster again.
 */
const EDITED_VALUES = ['password: ', 'pg_seq: ', 'pg_role: ', 'pg_vip_address: ', 'pg_cluster: '];

function editPlaces(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const candidates = EDITED_VALUES.map((key) => {
    const places: { line: number; character: number }[] = [];
    lines.forEach((l, i) => {
      const at = l.indexOf(key);
      if (at >= 0) places.push({ line: i, character: at + key.length + 3 });
    });
    return places;
  });
  const rand = prng(1234);
  return Array.from({ length: count }, (_, i) => {
    const places = candidates[i % candidates.length];
    return places[Math.floor(rand() * places.length)];
  });
}

/**
 * New host lines typed after the value edits of a run, a piece at a time (`1`, `0`, `.9.0.1`, `:`, ...): until
 * its colon, and then its closing brace, the line is a YAML problem. Each goes below a host line of a
 * PostgreSQL group (the first, the middle and the last `.12` host), the last place first so that the
 * line numbers of the others still hold.
 */
const LINES_TYPED = 3;

function linePlaces(text: string): number[] {
  const lines = text.split('\n');
  const hosts = lines.flatMap((l, i) => (/^ {8}10\.11\.\d+\.12: \{/.test(l) ? [i] : []));
  // none in an inventory without a two-host group: then no line is typed
  return hosts.length === 0 ? [] : [hosts[hosts.length - 1], hosts[hosts.length >> 1], hosts[0]].slice(0, LINES_TYPED);
}

function linePieces(n: number): string[] {
  return ['\n', '        1', '0', `.9.0.${n}`, ':', ' {', ' pg_seq', ':', ' 9', ' }'];
}

/**
 * After the lines typed, a PostgreSQL cluster (the middle one) is pasted as a copy right after
 * itself, as an operator adds a cluster; its key repeats the original's (a YAML problem) until
 * renamed. Then a character is typed into the copy's first password and deleted, COPY_EDITS times.
 */
const COPY_EDITS = 5;

/** The text after replacing `deleteCount` characters at (line, character) by `insert`, as the server applies it. */
function applyEdit(text: string, line: number, character: number, deleteCount: number, insert: string): string {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  at += character;
  return text.slice(0, at) + insert + text.slice(at + deleteCount);
}

/** The paste (lines of a group, put at the start of the next group's key line) and where the copy's password is typed, or null. */
function copyPlaces(text: string): { line: number; group: string; password: { line: number; character: number } } | null {
  const lines = text.split('\n');
  const keys = lines.flatMap((l, i) => (/^ {4}pg-app\d+:$/.test(l) ? [i] : []));
  if (keys.length === 0) return null;
  const key = keys[keys.length >> 1];
  let end = key + 1;
  while (end < lines.length && !/^ {0,4}\S/.test(lines[end])) end++;
  const group = lines.slice(key, end);
  const inGroup = group.findIndex((l) => l.includes('password: '));
  if (inGroup < 0) return null;
  // the copy goes where the next key line was: its password is `end - key` lines below the original's
  const line = end + inGroup;
  return { line: end, group: group.join('\n') + '\n', password: { line, character: group[inGroup].indexOf('password: ') + 'password: '.length + 3 } };
}

async function measureServer(spec: ServerSpec, file: string, text: string): Promise<ServerResult> {
  const opens: number[] = [];
  const keys: number[] = [];
  const lineKeys: number[] = [];
  const copyKeys: number[] = [];
  const outlines: number[] = [];
  const rss: number[] = [];
  const uri = pathToFileURL(file).href;
  for (let run = 0; run < RUNS; run++) {
    const session = await startServer(spec);
    try {
      opens.push(await session.open(uri, text));
      for (const place of editPlaces(text, EDITS)) {
        keys.push(await session.edit(uri, place.line, place.character, 0, 'x'));
        keys.push(await session.edit(uri, place.line, place.character, 1, ''));
        outlines.push(await session.outline(uri));
      }
      const lines = text.split('\n');
      let current = text;
      for (const [k, line] of linePlaces(text).entries()) {
        // at the end of the host line: a line break, then the new line's text
        let character = lines[line].length;
        let at = line;
        for (const piece of linePieces(k + 1)) {
          lineKeys.push(await session.edit(uri, at, character, 0, piece));
          current = applyEdit(current, at, character, 0, piece);
          if (piece === '\n') [at, character] = [at + 1, 0];
          else character += piece.length;
        }
      }
      const copy = copyPlaces(current);
      if (copy) {
        await session.edit(uri, copy.line, 0, 0, copy.group);
        const { line, character } = copy.password;
        for (let i = 0; i < COPY_EDITS; i++) {
          copyKeys.push(await session.edit(uri, line, character, 0, 'x'));
          copyKeys.push(await session.edit(uri, line, character, 1, ''));
        }
      }
      rss.push(session.peakRssKb() / 1024);
    } finally {
      await session.close();
    }
  }
  return { open: median(opens), p50: quantile(keys, 0.5), p90: quantile(keys, 0.9), outline: median(outlines), lineP50: lineKeys.length ? median(lineKeys) : NaN, copyP50: copyKeys.length ? median(copyKeys) : NaN, rssMb: median(rss) };
}

/**
 * yaml's parse of the text at its steady state: one warm-up leaves the smaller files on the JIT's
 * slope (the 30-cluster file parses in 31, 15, 19, 7, 6, 5 ms in a row), so warm up until the
 * time settles: at least 5 parses and half a second, then the median of 5. Each measurement runs in
 * a fresh process: in the benchmark's own process, the garbage of the sizes before made the parse
 * of the 1,000-cluster file 15 % slower (224 against 193 ms), which flattered every ratio to it.
 */
function measureFloor(file: string): number {
  const script =
    "const {parseDocument}=require('yaml');const t=require('fs').readFileSync(process.argv[1],'utf8');" +
    'const until=performance.now()+500;for(let i=0;i<5||performance.now()<until;i++)parseDocument(t);' +
    'const d=[];for(let i=0;i<5;i++){const t0=performance.now();parseDocument(t);d.push(performance.now()-t0);}' +
    'd.sort((a,b)=>a-b);process.stdout.write(String(d[2]));';
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(Number(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' })));
  }
  return median(times);
}

/**
 * The first `parseDocument` of the file in a fresh Node process: what yaml alone costs in the
 * situation of a server's didOpen (cold code), as a second reference next to the warm floor.
 */
function measureColdFloor(file: string): number {
  const script =
    "const {parseDocument}=require('yaml');const t=require('fs').readFileSync(process.argv[1],'utf8');" +
    'const t0=performance.now();parseDocument(t);process.stdout.write(String(performance.now()-t0));';
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(Number(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' })));
  }
  return median(times);
}

function measureCli(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'server', 'bin', 'pigsty-lint'), file], { stdio: 'ignore' });
    } catch {
      // exit status 1 means findings: still a complete lint
    }
    times.push(performance.now() - t0);
  }
  return median(times);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function table(rows: Row[]): string {
  const head =
    '| clusters | lines | `parseDocument` (floor) | CLI lint | didOpen → diagnostics: ours / yaml-ls | ours ÷ floor | first `parseDocument` in a fresh process | ours ÷ that | keystroke p50: ours / yaml-ls | p50 ratio | keystroke p90: ours / yaml-ls | outline after a keystroke: ours / yaml-ls | new line typed, p50: ours / yaml-ls | typing in a pasted copy, p50: ours / yaml-ls | peak RSS MB: ours / yaml-ls |\n' +
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map(
    (r) =>
      `| ${r.clusters.toLocaleString('en')} | ${r.lines.toLocaleString('en')} | ${ms(r.floor)} ms | ${ms(r.cli)} ms | ${ms(r.ours.open)} / ${ms(r.yls.open)} ms | ${(r.ours.open / r.floor).toFixed(2)} × | ${ms(r.coldFloor)} ms | ${(r.ours.open / r.coldFloor).toFixed(2)} × | ${ms(r.ours.p50)} / ${ms(r.yls.p50)} ms | 1/${(r.yls.p50 / r.ours.p50).toFixed(1)} | ${ms(r.ours.p90)} / ${ms(r.yls.p90)} ms | ${ms(r.ours.outline)} / ${ms(r.yls.outline)} ms | ${ms(r.ours.lineP50)} / ${ms(r.yls.lineP50)} ms | ${ms(r.ours.copyP50)} / ${ms(r.yls.copyP50)} ms | ${r.ours.rssMb.toFixed(0)} / ${r.yls.rssMb.toFixed(0)} |`,
  );
  return [head, ...body].join('\n');
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  const schema = schemaPath();
  const specs = servers(schema.file);
  const loadBefore = os.loadavg();
  const started = new Date();
  const rows: Row[] = [];
  for (const clusters of SIZES) {
    const { text } = generateInventory(clusters);
    const file = path.join(WORK, `pigsty-${clusters}.yml`);
    fs.writeFileSync(file, text);
    process.stderr.write(`bench: ${clusters} clusters (${text.split('\n').length} lines)…\n`);
    const floor = measureFloor(file);
    const coldFloor = measureColdFloor(file);
    const cli = measureCli(file);
    const ours = await measureServer(specs[0], file, text);
    const yls = await measureServer(specs[1], file, text);
    rows.push({ clusters, lines: text.split('\n').length, kb: text.length / 1024, floor, coldFloor, cli, ours, yls });
  }
  const loadAfter = os.loadavg();
  const cpu = os.cpus();
  const md = [
    '# Benchmark results',
    '',
    `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (${RUNS} runs per size, ${EDITS * 2} single-character edits per run, into ${EDITED_VALUES.map((k) => '`' + k.trim().replace(/:$/, '') + '`').join(', ')} values in turn; medians).`,
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.type()} ${os.release()}.`,
    `Load average ${loadBefore[0].toFixed(1)} before and ${loadAfter[0].toFixed(1)} after the run: other processes shared the CPUs, so absolute times are noisy; ratios come from the same run.`,
    `yaml-language-server ${ylsVersion()} validated with ${schema.real ? '`schemas/pigsty.schema.json`' : 'a MINIMAL fallback schema (schemas/pigsty.schema.json was missing)'}; it waits a fixed delay before validating, we do not.`,
    '',
    table(rows),
    '',
    'Columns: `parseDocument` is `yaml`\'s bare parse of the same text once its time has settled (the floor: in a fresh process, the median of 5 parses after at least 5 parses and 0.5 s of warm-up; the median of such processes); the first `parseDocument` in a fresh process is the same parse with cold code, as a server meets a file on didOpen; CLI lint is `pigsty-lint FILE` end to end (process start included); didOpen and keystroke times are from sending the notification to receiving `publishDiagnostics` for that version over stdio; the outline is a `textDocument/documentSymbol` request after each typed-and-deleted character, to its answer (yaml-language-server lists at most 5,000 symbols, its `yaml.maxItemsComputed`; ours lists every group and host); a new line typed is one of the ' +
      `${LINES_TYPED * 10} keystrokes per run that type ${LINES_TYPED} host lines below host lines of PostgreSQL groups after the value edits ` +
      '(a line break, then the indentation and `1`, `0`, `.9.0.N`, `:`, ` {`, ` pg_seq`, `:`, ` 9`, ` }`: the line is a YAML problem until its colon, and again until its closing brace), p50; ' +
      `typing in a pasted copy: after those, the middle PostgreSQL cluster is pasted right after itself, its key repeated (a YAML problem), and ${COPY_EDITS * 2} keystrokes type and delete a character in the copy's password, p50; ` +
      'peak RSS is the server process\'s VmHWM.',
    '',
  ].join('\n');
  const results = path.join(ROOT, 'bench', 'RESULTS.md');
  fs.writeFileSync(results, md + handWritten(results));
  process.stdout.write(md);
}

/** Everything from this line on in RESULTS.md is analysis written by hand: a new run keeps it. */
const HAND_WRITTEN = '<!-- Written by hand from here on: npm run bench replaces only what is above. -->';

function handWritten(file: string): string {
  let old = '';
  try {
    old = fs.readFileSync(file, 'utf8');
  } catch {
    // first run
  }
  const at = old.indexOf(HAND_WRITTEN);
  return at < 0 ? `\n${HAND_WRITTEN}\n` : `\n${old.slice(at)}`;
}

function ylsVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
