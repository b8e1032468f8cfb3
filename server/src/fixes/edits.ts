// Surgical text edits on the user's YAML: each helper touches only the text of the nodes it
// changes, so comments, quoting, flow/block style and layout elsewhere stay byte-identical.
import { isMap, isScalar, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../engine/findings';
import { keyText } from '../engine/model';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Applies non-overlapping edits (any order) to `text`. Edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.span.start - b.e.span.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.span.start < at) throw new Error(`overlapping edits at offset ${e.span.start}`);
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The end of a node's own text, before trailing blank lines or spaces a block node's range may include. */
export function contentEnd(text: string, node: { range?: [number, number, number] | null }): number {
  let end = node.range![1];
  const start = node.range![0];
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

const YAML_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
const NUMBER_LIKE = /^[-+]?(?:\.?\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|\.inf|\.nan|\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?)$/i;

/** Whether `s` reads back as the same string when written plain (unquoted) in a YAML 1.1 flow or block context. */
export function isPlainSafe(s: string): boolean {
  if (s === '' || s !== s.trim() || YAML_WORDS.test(s) || NUMBER_LIKE.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  return !/[:#,[\]{}]/.test(s);
}

/** YAML text for a value; a string keeps the quote style of `like` when that was quoted. */
export function yamlValue(value: string | number | boolean, like?: Node | null): string {
  if (typeof value !== 'string') return String(value);
  const type = isScalar(like) ? like.type : undefined;
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE' || !isPlainSafe(value)) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** Replaces a node's text (a scalar, alias or flow collection) with `newText`. */
export function replaceNode(text: string, node: Node, newText: string): TextEdit {
  return { span: { start: node.range![0], end: contentEnd(text, node) }, newText };
}

export function findMapPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) if (keyText(pair.key) === key) found = pair as Pair;
  return found;
}

/** Adds `key: valueText` as the last entry of a map, in the map's own style and indentation. */
export function insertPair(text: string, map: YAMLMap, key: string, valueText: string): TextEdit {
  const items = map.items as Pair[];
  if (map.flow) {
    if (items.length === 0) return replaceNode(text, map, `{ ${key}: ${valueText} }`);
    const last = items[items.length - 1];
    const lastEnd = pairEnd(text, last);
    let sep = ', ';
    if (items.length >= 2) {
      const between = text.slice(pairEnd(text, items[items.length - 2]), (last.key as Node).range![0]);
      if (/^\s*,\s*$/.test(between)) sep = between;
    }
    return { span: { start: lastEnd, end: lastEnd }, newText: `${sep}${key}: ${valueText}` };
  }
  const first = items[0];
  const indent = ' '.repeat(columnOf(text, (first.key as Node).range![0]));
  const at = nextLineStart(text, pairEnd(text, items[items.length - 1]));
  const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { span: { start: at, end: at }, newText: `${lead}${indent}${key}: ${valueText}\n` };
}

/** The end of a pair's text (its value, or its key when the value is empty). */
export function pairEnd(text: string, pair: Pair): number {
  const value = pair.value as Node | null;
  return value && value.range ? contentEnd(text, value) : (pair.key as Node).range![1];
}

/** Sets `key` in `map`: replaces the written value when present, else inserts the pair. */
export function setPair(text: string, map: YAMLMap, key: string, value: string | number | boolean): TextEdit {
  const pair = findMapPair(map, key);
  if (pair) {
    const node = pair.value as Node | null;
    if (node && node.range) return replaceNode(text, node, yamlValue(value, node));
    const end = (pair.key as Node).range![1];
    const colon = text.indexOf(':', end);
    return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${yamlValue(value)}` };
  }
  return insertPair(text, map, key, yamlValue(value));
}

/**
 * Gives a pair whose value is empty (`10.10.10.11:`) a one-entry flow map, or sets the key in its map.
 * `owner` is the pair holding the (maybe empty) map.
 */
export function setInPairValue(text: string, owner: Pair, key: string, value: string | number | boolean): TextEdit {
  const v = owner.value as Node | null;
  if (isMap(v)) return setPair(text, v, key, value);
  const written = v && v.range && contentEnd(text, v) > v.range[0];
  if (written) return replaceNode(text, v!, `{ ${key}: ${yamlValue(value)} }`);
  const colon = text.indexOf(':', (owner.key as Node).range![1]) + 1;
  return { span: { start: colon, end: colon }, newText: ` { ${key}: ${yamlValue(value)} }` };
}

/**
 * Comments a pair out rather than deleting it. In a block map each of its lines gets `# ` at the key's
 * column; in a flow map the pair is removed from the braces and kept as a comment line above.
 */
export function commentOutPair(text: string, map: YAMLMap, pair: Pair, note = ''): TextEdit[] {
  const keyStart = (pair.key as Node).range![0];
  const end = pairEnd(text, pair);
  const suffix = note ? ` # ${note}` : '';
  if (!map.flow) {
    const col = columnOf(text, keyStart);
    const edits: TextEdit[] = [];
    for (let line = lineStartOf(text, keyStart); line < end; line = nextLineStart(text, line)) {
      const lineText = text.slice(line, nextLineStart(text, line));
      if (!lineText.trim()) continue;
      const at = line + Math.min(col, lineText.length - lineText.trimStart().length);
      edits.push({ span: { start: at, end: at }, newText: '# ' });
      if (nextLineStart(text, line) >= text.length) break;
    }
    if (note) {
      const eol = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
      const lineRest = text.slice(end, eol).replace(/\r$/, '');
      if (!lineRest.includes('#')) edits.push({ span: { start: end, end }, newText: suffix });
    }
    return edits;
  }
  const items = map.items as Pair[];
  const index = items.indexOf(pair);
  let span: Span;
  if (index < items.length - 1) span = { start: keyStart, end: (items[index + 1].key as Node).range![0] };
  else if (index > 0) span = { start: pairEnd(text, items[index - 1]), end };
  else span = { start: keyStart, end };
  const line = lineStartOf(text, map.range![0]);
  const indent = text.slice(line, map.range![0]).match(/^\s*/)![0];
  return [
    { span: { start: line, end: line }, newText: `${indent}# ${text.slice(keyStart, end)}${suffix}\n` },
    { span, newText: '' },
  ];
}

/** The pair of `map` whose key is `key` (the host key node), for callers holding the key scalar. */
export function pairOfKey(map: Node | null, keyNode: Scalar): Pair | undefined {
  return isMap(map) ? (map.items as Pair[]).find((p) => p.key === keyNode) : undefined;
}

/** Appends `itemText` to a sequence in its own style (flow `[a, b]` or block `- a`). */
export function appendSeqItem(text: string, seq: YAMLSeq, itemText: string): TextEdit {
  const items = seq.items as Node[];
  if (seq.flow) {
    if (items.length === 0) return replaceNode(text, seq, `[ ${itemText} ]`);
    const last = items[items.length - 1];
    let sep = ', ';
    if (items.length >= 2) {
      const between = text.slice(contentEnd(text, items[items.length - 2]), items[items.length - 1].range![0]);
      if (/^\s*,\s*$/.test(between)) sep = between;
    }
    const end = contentEnd(text, last);
    return { span: { start: end, end }, newText: `${sep}${itemText}` };
  }
  const last = items[items.length - 1];
  const dash = text.lastIndexOf('-', last.range![0]);
  const indent = ' '.repeat(columnOf(text, dash));
  const at = nextLineStart(text, contentEnd(text, last));
  const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { span: { start: at, end: at }, newText: `${lead}${indent}- ${itemText}\n` };
}
