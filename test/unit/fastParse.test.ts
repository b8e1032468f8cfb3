// The fast path must build exactly the document `yaml` builds, or decline: compare every node's
// class, range, value, source, type and format with `parseAllDocuments` over the corpus, the
// benchmark inventories, hand-picked edge cases and thousands of seeded mutations of them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Document, isCollection, isPair, isScalar, parseAllDocuments } from 'yaml';
import { generateInventory } from '../../bench/generate';
import { fastParse, fastParseRefusal } from '../../server/src/engine/fastParse';
import { parseText, PARSE_OPTIONS } from '../../server/src/engine/parse';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { mutate, Rng } from '../helpers/mutate';

/** Everything about a document that the engine can see, as plain data. */
function shape(doc: Document.Parsed): unknown {
  const node = (n: unknown): unknown => {
    if (n === null || n === undefined) return n;
    if (isPair(n)) return { key: node(n.key), value: node(n.value) };
    const base = { kind: (n as object).constructor.name, range: (n as { range?: unknown }).range };
    if (isScalar(n)) {
      const v = n.value;
      const value = typeof v === 'symbol' ? String(v) : v instanceof Date ? `Date ${v.toISOString()}` : v;
      return { ...base, value, typeOf: typeof v, source: n.source, type: n.type, format: n.format, tag: n.tag, anchor: n.anchor };
    }
    if (isCollection(n)) return { ...base, flow: n.flow, tag: n.tag, anchor: n.anchor, items: n.items.map(node) };
    return { ...base, other: true };
  };
  return {
    range: doc.range,
    docStart: doc.directives?.docStart,
    docEnd: doc.directives?.docEnd,
    errors: doc.errors.map((e) => `${e.code}@${e.pos[0]}`),
    warnings: doc.warnings.map((e) => `${e.code}@${e.pos[0]}`),
    contents: node(doc.contents),
  };
}

/** 'fast' when the fast path took the text and agrees with yaml; 'declined' when it gave it to yaml. */
function check(text: string, where: string): 'fast' | 'declined' {
  const fast = fastParse(text, PARSE_OPTIONS);
  if (!fast) return 'declined';
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  assert.ok(Array.isArray(docs) && docs.length === 1, `${where}: the fast path took a text yaml reads as ${Array.isArray(docs) ? docs.length : 0} documents`);
  const [mine, theirs] = [JSON.stringify(shape(fast)), JSON.stringify(shape(docs[0]))];
  if (mine !== theirs) {
    let i = 0;
    while (mine[i] === theirs[i]) i++;
    const around = (s: string) => s.slice(Math.max(0, i - 300), i + 120);
    assert.fail(`${where}: the fast path built another document than yaml\nyaml: …${around(theirs)}\nfast: …${around(mine)}\n--- text ---\n${text}`);
  }
  return 'fast';
}

test('fast path: every corpus template it takes gives yaml’s document, and it takes at least 45 of the 53', () => {
  const declined: string[] = [];
  for (const file of corpusFiles()) {
    if (check(fs.readFileSync(file, 'utf8'), corpusName(file)) === 'declined') declined.push(corpusName(file));
  }
  assert.ok(declined.length <= 8, `declined: ${declined.join(', ')}`);
});

test('fast path: the benchmark inventories take it and match yaml', () => {
  for (const n of [1, 30, 300]) assert.equal(check(generateInventory(n).text, `generated ${n}`), 'fast');
});

test('fast path: groups and all.vars cut out of inventories with their indentation match yaml; the benchmark’s all take it', () => {
  // what the keystroke path re-parses (engine/incremental.ts): a block from its key line to the next key line
  const blocksOf = (text: string): { line: number; block: string }[] => {
    const lines = text.split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
      const key = /^( {2}| {4})[\w.-]+:/.exec(lines[i]);
      if (!key) continue;
      let j = i + 1;
      while (j < lines.length && (lines[j].trim() === '' || lines[j].trim().startsWith('#') || lines[j].startsWith(key[1] + ' '))) j++;
      out.push({ line: i + 1, block: lines.slice(i, j).join('\n') + '\n' });
    }
    return out;
  };
  const generated = blocksOf(generateInventory(300).text);
  for (const { line, block } of generated) {
    assert.equal(check(block, `generated, the block at line ${line}`), 'fast', `line ${line}: ${fastParseRefusal(block, PARSE_OPTIONS)}`);
  }
  let taken = 0;
  let all = 0;
  for (const file of corpusFiles()) {
    for (const { line, block } of blocksOf(fs.readFileSync(file, 'utf8'))) {
      all++;
      if (check(block, `${corpusName(file)}, the block at line ${line}`) === 'fast') taken++;
    }
  }
  assert.ok(generated.length > 200 && taken > all * 0.9, `${generated.length} generated blocks; ${taken} of ${all} corpus blocks taken`);
});

test('fast path: parseText gives the same findings-relevant document either way', () => {
  const text = generateInventory(5).text;
  const viaFast = parseText(text);
  assert.equal(viaFast.syntax.length, 0);
  assert.deepEqual(shape(viaFast.documents[0]), shape(parseAllDocuments(text, PARSE_OPTIONS)[0] as Document.Parsed));
});

const EDGES: Record<string, string> = {
  'trailing comment after a scalar': 'a: 1  # c\nb: 2\n',
  'comment lines deeper than the map extend the value': 'a:\n  b: 1\n\n     # deep\n  c: 2\n  # same\nd: 1\n',
  'comments at the map’s column stay in the map': 'a:\n  i:\n    j: 1\n\n  # at2\n    # at4\n\n  k: [a]\nl: 1\n',
  'comments left of the map go to the parent': 'a:\n  b:\n    c: 1\n  # two\n  d: 2\n',
  'sequence of compact maps': 'z:\n  - name: x\n    k: v\n  - { n: 1 }\n\n',
  'sequence at the key’s column': 'a:\n- 1\n- two\nb: 3\n',
  'empty values': 'a:\n  b:\n\n  c: 1\n  d:\ne: x\n',
  'empty value last': 'a: 1\nb:\n',
  'flow collections with spaces': 'x: { a: 1 , b: [ p , q ], c: "s t" }  # cm\ny: [ ]\nz: {}\nw: [a b, c]\n',
  'keys with spaces before the colon': 'home   : 1\nx  :  { a : 1 }\n',
  'document markers': '# head\n\n---\n# c2\nall:\n  a: 1\n...\n',
  'leading comment, no marker': '# x\nall: 1\n',
  'YAML 1.1 scalars': 'a: yes\nb: n\nc: 0x1F\nd: 1_000\ne: 1:20\nf: ~\ng: 2001-12-14\nh: .inf\ni: -1\nj: 0o17\nk: 017\n',
  'quoted scalars': `a: 'it''s'\nb: "tab\\tq\\"x"\nc: ''\nd: "#not a comment"\n'e f': 1\n`,
  'plain scalars with indicators inside': 'a: a:b\nb: http://x.y/z#frag\nc: x # y\nd: -x\ne: [a:b, http://u]\n',
  'merge key': 'a: 1\n<<: {b: 2}\n',
  'deep nesting and dedent by several levels': 'a:\n  b:\n    c:\n      - d: 1\n        e: [1]\n      # x\nf: 1\n',
  'comment at end of text without newline': 'a:\n  b: 1\n  # end',
  'blank lines with spaces': 'a:\n  b: 1\n   \n  c: 2\n',
  // an indented root map: what the keystroke path re-parses, a group cut out with its indentation
  'indented root': '  a: 1\n  b:\n    c: [x]\n',
  'indented root after a comment and blank lines': '# c\n\n   a: 1\n',
  'indented root keeps comments at its column': '  a: 1\n\n  # c\n\n',
  'indented root leaves comments to its left': '  a: 1\n # c\n# d\n',
  'indented root: comments left, then at its column again': '  a:\n    b: 1\n  # c\n# d\n  # e\n',
  'indented root: a deeper comment extends the value': '  a: 1\n    # deep\n\n',
  'indented root ending in a comment without newline': '  a: 1\n  # c',
};

test('fast path: hand-picked edge cases match yaml', () => {
  let taken = 0;
  for (const [name, text] of Object.entries(EDGES)) if (check(text, name) === 'fast') taken++;
  assert.ok(taken >= Object.keys(EDGES).length - 3, `only ${taken} of ${Object.keys(EDGES).length} taken`);
});

test('fast path: declines what it does not model, and says why', () => {
  const cases: Record<string, string> = {
    'anchor': 'a: &x 1\nb: *x\n',
    'block scalar': 'a: |\n  text\n',
    'tag': 'a: !vault |\n  x\n',
    'multi-line flow': 'a: [\n  1 ]\n',
    'multi-line plain': 'a: one\n  two\n',
    'duplicate key': 'a: 1\na: 2\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'tab': 'a:\t1\n',
    'syntax error': 'a: [1\n',
    'root sequence': '- 1\n',
    'flow nesting beyond any inventory': `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    'block nesting beyond any inventory': Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    assert.equal(fastParse(text, PARSE_OPTIONS), null, name);
    assert.match(fastParseRefusal(text, PARSE_OPTIONS) ?? '', /\S/, name);
    // and parseText, through yaml, neither throws nor loses the document
    assert.equal(parseText(text).documents.length, parseAllDocuments(text, PARSE_OPTIONS).length, name);
  }
});

// Edits an operator makes around comments, blank lines and indentation: where yaml's ranges are subtle.
const COMMENTS = ['#', '# note', '#key: value', '  #', '# -- section --'];
function layoutMutation(text: string, rng: Rng): string {
  const ls = text.split('\n');
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    const i = rng.int(ls.length + 1);
    const indent = ' '.repeat(rng.int(12));
    switch (rng.int(6)) {
      case 0:
        ls.splice(i, 0, indent + rng.pick(COMMENTS));
        break;
      case 1:
        ls.splice(i, 0, rng.int(2) ? '' : indent);
        break;
      case 2:
        if (ls[i] !== undefined && !ls[i].includes('#')) ls[i] += rng.pick(['  # c', ' #', '   ']);
        break;
      case 3:
        if (ls[i] !== undefined) ls[i] = ls[i].replace(/: .*$/, ':');
        break;
      case 4:
        ls.splice(i, 1);
        break;
      default:
        if (ls[i] !== undefined) ls[i] = ls[i].replace(/^(\s*[\w.-]+):/, rng.int(2) ? '$1 :' : '$1:');
    }
  }
  return ls.join('\n');
}

/** Lines moved left by their smallest indentation, so that a window from inside a group is a document again. */
function dedentLines(lines: string[]): string {
  const content = lines.filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const cut = Math.min(...content.map((l) => l.length - l.trimStart().length));
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#') && l.length - l.trimStart().length === cut);
  return lines.slice(Math.max(0, first)).map((l) => (l.slice(0, cut).trim() === '' ? l.slice(cut) : l.trimStart())).join('\n');
}

test('fast path: 3,000 seeded mutations of the corpus and benchmark texts match yaml whenever taken', () => {
  const rng = new Rng(20261201);
  const sources = [...corpusFiles().map((f) => fs.readFileSync(f, 'utf8')), generateInventory(12).text];
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    const source = rng.pick(sources);
    const windowed = source.split('\n');
    const start = rng.int(Math.max(1, windowed.length - 40));
    // a window of lines keeps each comparison cheap; the full text now and then
    const window = windowed.slice(start, start + 40 + rng.int(80));
    // now and then the window keeps its indentation: an indented root, as the keystroke path has
    const base = rng.int(8) === 0 ? source : rng.int(4) === 0 ? window.join('\n') : dedentLines(window);
    const text = i % 3 === 0 ? mutate(base, rng).text : layoutMutation(base, rng);
    if (check(text, `mutation ${i}`) === 'fast') taken++;
  }
  assert.ok(taken > 1000, `the fast path took only ${taken} of 3000 mutations`);
});

// The end of a plain scalar is where yaml's rules are finest: ` #`, `: `, `:` at the line end, and
// `,[]{}` inside flow collections. Values made of those characters, in each place a value stands.
const PIECES = ['a', '1', ' ', '  ', '#', ':', ',', '[', ']', '{', '}', '-', '"', "'", '.', '/', 'x y', '\\', ':x', '# c', ' :', '&', '*', '!', '?', '|', '>', '%', '@', '`'];
const PLACES: ((v: string) => string)[] = [
  (v) => `k: ${v}\nz: 1\n`,
  (v) => `k: [ ${v} ]\n`,
  (v) => `k: { a: ${v} }\n`,
  (v) => `k:\n  - ${v}\n  - x\n`,
  (v) => `${v}: 1\n`,
];

test('fast path: 6,000 one-line values made of indicator characters match yaml whenever taken', () => {
  const rng = new Rng(7);
  let taken = 0;
  for (let i = 0; i < 6000; i++) {
    let value = '';
    for (let k = 1 + rng.int(8); k > 0; k--) value += rng.pick(PIECES);
    if (check(rng.pick(PLACES)(value), `value ${JSON.stringify(value)}`) === 'fast') taken++;
  }
  assert.ok(taken > 1000, `the fast path took only ${taken} of 6000 values`);
});

test('fast path: a 4 MB line of words stays on it, in block and flow places', () => {
  const words = 'a '.repeat(2_000_000) + 'z';
  const block = fastParse(`k: ${words}\n`, PARSE_OPTIONS);
  assert.ok(block, 'declined a long block value');
  assert.equal((block.get('k') as string).length, words.length);
  const flow = fastParse(`k: [ ${words}, b ]\n`, PARSE_OPTIONS);
  assert.ok(flow, 'declined a long flow item');
});
