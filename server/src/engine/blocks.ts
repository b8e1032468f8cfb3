// The top-level blocks of an inventory text that can be re-parsed alone: each group under
// `all.children` and `all.vars`. A block runs from the start of its key's line to the start of the
// next key line at its level or above (or the end of the text), so comments between two groups
// belong to the block before them.
import { Node, Pair, YAMLMap, isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';
import { isAnchorFree } from './fastParse';
import { keyText } from './model';
import type { ParsedText } from './parse';

export interface Block {
  kind: 'group' | 'vars';
  /** The map holding the block's pair (`all.children`, or `all` for vars) and the pair's index in it. */
  parent: YAMLMap;
  index: number;
  /** The maps around the pair, innermost first (the parent, ..., the root map). */
  ancestors: YAMLMap[];
  pair: Pair;
  /** The key as written (its text must not change for the block to be re-parsed alone). */
  key: string;
  start: number;
  end: number;
  /** Column of the key: every content line of the block must be indented further. */
  indent: number;
}

export interface BlockLayout {
  blocks: Block[];
}

/** Why a text cannot be updated block by block, or null when it can. */
export function blockLayout(parsed: ParsedText): BlockLayout | string {
  const { text } = parsed;
  // YAML problems are left to the caller, which can tell whether they stay inside their blocks
  if (parsed.syntaxOnly) return 'the text is checked for syntax only';
  if (parsed.documents.length !== 1) return 'the text holds several YAML documents';
  if (text.includes('\r')) return 'the text has CR line ends';
  const doc = parsed.documents[0];
  const root = doc.contents;
  if (!isMap(root) || root.flow) return 'the top level is not a block map';
  const allPair = root.items.find((p) => keyText(p.key) === 'all');
  const all = allPair?.value;
  if (!isMap(all) || all.flow) return '`all` is not a block map';
  if (!isAnchorFree(doc) && hasAnchors(root)) return 'the text uses anchors or aliases';

  // every key line at the top three levels: the boundaries between blocks
  const keyLines: number[] = [];
  const blocks: Block[] = [];
  const addKeyLine = (pair: Pair): number | null => {
    const start = keyLineStart(text, pair);
    if (start === null) return null;
    keyLines.push(start);
    return start;
  };
  for (const pair of root.items) if (addKeyLine(pair) === null) return 'a top-level key does not start its line';
  for (let i = 0; i < all.items.length; i++) {
    const pair = all.items[i];
    const start = addKeyLine(pair);
    if (start === null) return 'a key under `all` does not start its line';
    const key = keyText(pair.key);
    if (key === 'vars') blocks.push(block('vars', [all, root], i, pair, key, start, text));
    if (key === 'children' && isMap(pair.value)) {
      const children = pair.value;
      if (children.flow) return '`all.children` is a flow map';
      for (let j = 0; j < children.items.length; j++) {
        const child = children.items[j];
        const childStart = addKeyLine(child);
        const name = keyText(child.key);
        if (childStart === null || name === null) return 'a group key does not start its line';
        blocks.push(block('group', [children, all, root], j, child, name, childStart, text));
      }
    }
  }
  // anything else written at column 0 (`...`, `---`, a stray scalar) also ends a block; a comment
  // or nothing after tabs does not
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) {
    if (text.charCodeAt(at) !== 32 && !onlyCommentFrom(text, at)) keyLines.push(at);
  }
  keyLines.sort((a, b) => a - b);
  for (const b of blocks) b.end = firstAfter(keyLines, b.start) ?? text.length;
  return { blocks };
}

/** Whether the line holds only spaces and tabs from `at` on, and maybe a comment after them. */
export function onlyCommentFrom(text: string, at: number): boolean {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(++i));
  return i >= text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 35; /* # */
}

/** The first of the sorted `values` above `x` (a binary search: a file has thousands of blocks). */
function firstAfter(values: readonly number[], x: number): number | undefined {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return values[lo];
}

/** A block whose key line starts at `start`; it runs to the end of the text until the caller sets its end. */
export function block(kind: Block['kind'], ancestors: YAMLMap[], index: number, pair: Pair, key: string, start: number, text: string): Block {
  const keyStart = (pair.key as Node).range![0];
  return { kind, parent: ancestors[0], index, ancestors, pair, key, start, end: text.length, indent: keyStart - start };
}

/** Start of the line holding the pair's key, when only spaces precede the key on that line. */
export function keyLineStart(text: string, pair: Pair): number | null {
  const key = pair.key as Node | null;
  if (!isScalar(key) || !key.range) return null;
  const keyStart = key.range[0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  for (let i = lineStart; i < keyStart; i++) if (text.charCodeAt(i) !== 32) return null;
  return lineStart;
}

/** Whether any node below carries an anchor or is an alias (both tie blocks together). */
export function hasAnchors(node: unknown): boolean {
  if (node === null || node === undefined) return false;
  if (isAlias(node)) return true;
  if (isPair(node)) return hasAnchors(node.key) || hasAnchors(node.value);
  if (isScalar(node)) return !!node.anchor;
  if (isCollection(node)) {
    if (node.anchor) return true;
    for (const item of node.items) if (hasAnchors(item)) return true;
  }
  return false;
}
