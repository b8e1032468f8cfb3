// npm run fuzz: the real server over stdio under random editing for as long as asked. Each round
// opens a corpus template or a generated inventory under a new URI, sends bursts of 1 to 8 random
// incremental edits (characters, YAML indicators, mutated pieces, whole-text replacements) with
// hover, outline, code action and completion requests between them, then closes it. After each
// burst the diagnostics published for its last version must be a full validation of the text the
// client holds (test/helpers/published.ts), every request must get an answer, and the versions the
// server published for a document must rise. The server's RSS is printed every 100 rounds; failing
// texts are written to the temporary directory. Exit code 1 when anything failed.
//   FUZZ_MINUTES=30 FUZZ_SEED=7 npm run fuzz
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateInventory } from './generate';
import { LineIndex } from '../server/src/engine/lines';
import { corpusFiles } from '../test/helpers/corpus';
import { LspSession, startLsp } from '../test/helpers/lspClient';
import { mutate, Rng } from '../test/helpers/mutate';
import { assertFullValidation } from '../test/helpers/published';

const MINUTES = Number(process.env.FUZZ_MINUTES ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const BURSTS = 8;

/** What an operator types besides letters. */
const TYPED = ['a', '1', ':', ' ', '-', '\n', '#', '{', '}', ',', "'", 'x: 1', 'pg_role: primary', '? ', '\n    ', '"', '[', ']'];

interface Edit {
  start: number;
  end: number;
  insert: string;
}

function randomEdit(text: string, base: string, rng: Rng): Edit {
  // an editor cannot place a position between the two characters of a CRLF
  const off = (x: number) => (x > 0 && text[x - 1] === '\r' && text[x] === '\n' ? x + 1 : x);
  const kind = rng.int(10);
  if (kind < 5) {
    const start = off(rng.int(text.length + 1));
    const end = rng.int(2) === 0 ? start : off(Math.min(text.length, start + 1));
    return { start, end, insert: rng.int(2) === 0 ? rng.pick(TYPED) : '' };
  }
  if (kind < 8) {
    const start = off(rng.int(text.length + 1));
    const end = Math.max(start, off(Math.min(text.length, start + rng.int(40))));
    return { start, end, insert: rng.int(3) === 0 ? '' : mutate(text.slice(start, start + 60), rng).text.slice(0, 80) };
  }
  // the whole text: back to the template, or the same text again (a formatter that changed nothing)
  return { start: 0, end: text.length, insert: rng.int(2) === 0 ? base : text };
}

/** VmRSS and VmHWM of a process in MB (Linux), or undefined elsewhere. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

class Run {
  rounds = 0;
  bursts = 0;
  edits = 0;
  requests = 0;
  readonly failures: string[] = [];

  constructor(
    readonly lsp: LspSession,
    readonly rng: Rng,
  ) {}

  fail(what: string, text?: string): void {
    let where = '';
    if (text !== undefined) {
      where = path.join(os.tmpdir(), `pigsty-fuzz-${SEED}-${this.rounds}-${this.failures.length}.yml`);
      fs.writeFileSync(where, text);
      where = ` (text: ${where})`;
    }
    const line = `round ${this.rounds}: ${what}${where}`;
    this.failures.push(line);
    console.log(`FAILED ${line}`);
  }

  /** Requests the editor sends while the user types; each must be answered, with a result or an error reply. */
  ask(uri: string, text: string): void {
    const position = new LineIndex(text).position(this.rng.int(text.length + 1));
    const asks: [string, unknown][] = [
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['textDocument/completion', { textDocument: { uri }, position }],
    ];
    const [method, params] = this.rng.pick(asks);
    this.requests++;
    this.lsp.request(method, params).catch((e: Error) => this.fail(`${method} at ${position.line}:${position.character}: ${e.message}`, text));
  }

  async round(base: string): Promise<void> {
    this.rounds++;
    const { lsp, rng } = this;
    const uri = `file:///work/fuzz/r${this.rounds}/pigsty.yml`;
    let text = base;
    let version = 1;
    await lsp.open(uri, text, version);
    for (let burst = 0; burst < BURSTS; burst++) {
      for (let n = 1 + rng.int(8); n > 0; n--) {
        const { start, end, insert } = randomEdit(text, base, rng);
        const lines = new LineIndex(text);
        const whole = start === 0 && end === text.length;
        const change = whole ? { text: insert } : { range: { start: lines.position(start), end: lines.position(end) }, text: insert };
        await lsp.change(uri, ++version, [change]);
        text = text.slice(0, start) + insert + text.slice(end);
        this.edits++;
        if (rng.int(3) === 0) this.ask(uri, text);
        // now and then a pause, so that some bursts are validated edit by edit and some at once
        if (rng.int(3) === 0) await new Promise((resolve) => setTimeout(resolve, rng.int(30)));
      }
      this.bursts++;
      const published = await lsp.diagnostics(uri, version, 60_000);
      try {
        assertFullValidation(published, text, { assumeInventory: true });
      } catch (e) {
        this.fail(`burst ${burst}, version ${version}: ${String((e as Error).message).split('\n').slice(0, 3).join(' | ')}`, text);
      }
    }
    const stats = await lsp.request<{ versions: Record<string, number[]> }>('pigsty/validationStats', {});
    const versions = stats.versions[uri] ?? [];
    if (versions.some((v, i) => i > 0 && v <= versions[i - 1])) this.fail(`versions published out of order: ${versions.join(', ')}`);
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    lsp.forget(uri);
  }
}

async function main(): Promise<void> {
  const sources = [...corpusFiles().map((f) => fs.readFileSync(f, 'utf8')), generateInventory(30).text, generateInventory(300).text];
  const lsp = await startLsp();
  const run = new Run(lsp, new Rng(SEED));
  const until = Date.now() + MINUTES * 60_000;
  const first = memoryOf(lsp.process.pid);
  try {
    while (Date.now() < until) {
      await run.round(run.rng.pick(sources));
      if (run.rounds % 100 === 0) {
        const m = memoryOf(lsp.process.pid);
        if (m) console.log(`round ${run.rounds}: server RSS ${m.rss} MB, peak ${m.peak} MB`);
      }
    }
  } catch (e) {
    run.fail(`the session broke: ${(e as Error).stack ?? String(e)}`);
  }
  const last = memoryOf(lsp.process.pid);
  if (lsp.stderr().trim() !== '') console.log(`server stderr: ${lsp.stderr().slice(0, 2000)}`);
  await lsp.close();
  const memory = first && last ? `; server RSS ${first.rss} MB after start, ${last.rss} MB at the end, peak ${last.peak} MB` : '';
  console.log(
    `seed ${SEED}, ${MINUTES} min: ${run.rounds} documents, ${run.bursts} bursts, ${run.edits} edits, ${run.requests} requests` +
      `${memory}; ${run.failures.length} failure(s)`,
  );
  process.exitCode = run.failures.length > 0 ? 1 : 0;
}

void main();
