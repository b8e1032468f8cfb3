// Seeded text mutations for property tests: what editing, copy-paste and bad tools do to YAML.

/** mulberry32: small, fast, seeded PRNG (deterministic across runs and machines). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 0 <= n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const PIECES = [
  ':', ': ', '- ', '-', ' ', '  ', '\t', '\n', '\r\n', '{', '}', '[', ']', ',', '#', '&a ', '*a', '<<: *a', '!vault |', '!unsafe ',
  "'", '"', '|', '>', '?', '%', '@', '`', '\\', '---\n', '...\n', '~', 'null', 'yes', '0x1F', '1e9', '10.10.10.', '/24',
  'pg_cluster: ', 'pg_seq: ', 'pg_role: primary', 'hosts:', 'vars:', 'children:', '# pigsty-lint-disable-next-line', '# pigsty-lint-disable ',
  '\u0000', '\u00a0', '\u200b', '\u2028', '\ufeff', '中文', 'é', '😀', '\ud800', '\udc00', 'x'.repeat(300),
];

type Op = (text: string, rng: Rng) => string;

const at = (text: string, rng: Rng) => rng.int(text.length + 1);

function lines(text: string): string[] {
  return text.split('\n');
}

function randomUnicode(rng: Rng): string {
  return String.fromCharCode(rng.int(0x10000));
}

const OPS: Record<string, Op> = {
  deleteChars: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + r.int(8));
  },
  insertPiece: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + r.pick(PIECES) + t.slice(i);
  },
  insertUnicode: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + randomUnicode(r) + t.slice(i);
  },
  duplicateChars: (t, r) => {
    const i = at(t, r);
    const n = 1 + r.int(20);
    return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
  },
  deleteLine: (t, r) => {
    const ls = lines(t);
    ls.splice(r.int(ls.length), 1 + r.int(3));
    return ls.join('\n');
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + r.int(5)));
    return ls.join('\n');
  },
  moveLine: (t, r) => {
    const ls = lines(t);
    const [line] = ls.splice(r.int(ls.length), 1);
    ls.splice(r.int(ls.length + 1), 0, line ?? '');
    return ls.join('\n');
  },
  breakIndent: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls[i] = r.int(2) ? ' '.repeat(1 + r.int(3)) + ls[i] : ls[i].replace(/^ {1,3}/, '');
    return ls.join('\n');
  },
  tabs: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls[i] = ls[i].replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2));
    return ls.join('\n');
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  bom: (t) => '\ufeff' + t,
  anchorAlias: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls[i] = ls[i].replace(/:\s*$/, ': &a').replace(/: (\S)/, r.int(2) ? ': *a $1' : ': &a $1');
    return ls.join('\n');
  },
  longLine: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + 'k'.repeat(5000 + r.int(20000)) + t.slice(i);
  },
};

const NAMES = Object.keys(OPS);

/** 1-4 mutations of `text`; `ops` names them (for a failure report). Two times in three, a window of lines only. */
export function mutate(text: string, rng: Rng): { text: string; ops: string[] } {
  let out = text;
  const ops: string[] = [];
  if (rng.int(3) > 0) {
    const ls = lines(out);
    const start = rng.int(Math.max(1, ls.length - 20));
    out = ls.slice(start, start + 20 + rng.int(100)).join('\n');
    ops.push(`window@${start}`);
  }
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    const name = rng.pick(NAMES);
    out = OPS[name](out, rng);
    ops.push(name);
  }
  return { text: out, ops };
}
