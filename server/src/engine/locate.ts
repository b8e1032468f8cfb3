// What is at an offset of an inventory: a key or a value, at which level (all.vars, group vars,
// host vars), of which parameter and host, and where inside the parameter's value. Works on a
// half-typed file too: when the YAML tree has no node under the cursor, the key path is read
// from the indentation of the lines above.
import { Document, isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import type { GroupEntry, HostEntry, Inventory, Level, VarEntry } from './model';
import { keyText, resolveAlias } from './model';

export type PathSeg = string | number;

export interface Scope {
  level: Level;
  group?: GroupEntry;
  host?: HostEntry;
  /** The top-level parameter name; undefined when the cursor is where a new name would go. */
  param?: string;
  /** The entry the parameter has at this place, when it is written there. */
  entry?: VarEntry;
  /** Keys and indexes inside the parameter's value. */
  path: PathSeg[];
}

export interface Located {
  /** Keys and indexes from the document root to the cursor's key (or container when blank). */
  keyPath: PathSeg[];
  on: 'key' | 'value' | 'blank';
  /** The scalar under the cursor, when the tree has one. */
  node: Scalar | null;
  /** The text being typed at the cursor and its span (what completion replaces). */
  word: { text: string; start: number; end: number };
  scope: Scope | null;
}

type Hit = { keyPath: PathSeg[]; on: 'key' | 'value' | 'blank'; node: Scalar | null };

function within(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

function findScalar(text: string, node: unknown, offset: number, keyPath: PathSeg[], depth: number): Hit | null {
  if (depth > 64) return null;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = keyText(key);
      if (isScalar(key) && within(key, offset)) return { keyPath: [...keyPath, name ?? ''], on: 'key', node: key };
      const value = pair.value as Node | null;
      const empty = !value || (isScalar(value) && (value.value === null || value.value === '') && !value.source);
      if (empty && key?.range && key.range[1] <= offset && /^[ \t]*:[ \t]*$/.test(text.slice(key.range[1], offset))) {
        return { keyPath: [...keyPath, name ?? ''], on: 'value', node: null };
      }
      if (value && within(value, offset)) {
        if (isScalar(value)) return { keyPath: [...keyPath, name ?? ''], on: 'value', node: value };
        const inner = findScalar(text, value, offset, [...keyPath, name ?? ''], depth + 1);
        if (inner) return inner;
      }
    }
    if (node.flow && node.range && node.range[0] < offset && offset < node.range[1]) return { keyPath, on: 'blank', node: null };
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const it = node.items[i] as Node | null;
      if (!it || !within(it, offset)) continue;
      if (isScalar(it)) return { keyPath: [...keyPath, i], on: 'value', node: it };
      const inner = findScalar(text, it, offset, [...keyPath, i], depth + 1);
      if (inner) return inner;
    }
    if (node.flow && node.range && node.range[0] < offset && offset < node.range[1]) return { keyPath, on: 'blank', node: null };
  }
  return null;
}

const KEY_LINE = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:(\s+(.*))?$/;

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

const DASH = /^\s*-(\s|$)/;

function lead(text: string): number {
  return text.length - text.trimStart().length;
}

function meaningful(text: string): boolean {
  return text.trim() !== '' && !/^\s*#/.test(text);
}

/** How many sequence items start at `at` above line `line`, in the same sequence. */
function siblingIndex(lines: string[], line: number, at: number): number {
  let index = 0;
  for (let j = line - 1; j >= 0; j--) {
    const t = lines[j];
    if (!meaningful(t)) continue;
    const l = lead(t);
    if (l < at || (l === at && !DASH.test(t))) break;
    if (l === at) index++;
  }
  return index;
}

/**
 * Key path of the block container that holds line `line` at `indent`, read from the lines
 * above. `inItem`: the line itself starts a sequence item at `indent`.
 */
function parentPath(lines: string[], line: number, indent: number, inItem: boolean): PathSeg[] {
  const path: PathSeg[] = [];
  let current = indent;
  let seqAt = inItem ? indent : -1;
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i];
    if (!meaningful(text)) continue;
    const l = lead(text);
    if (DASH.test(text)) {
      if (l < current) {
        path.unshift(siblingIndex(lines, i, l));
        current = l;
        seqAt = l;
      }
      continue;
    }
    if (l < current || (l === seqAt && l === current)) {
      const m = KEY_LINE.exec(text);
      const value = m?.[5]?.trim() ?? '';
      if (m && (value === '' || /^[|>&!]/.test(value))) {
        path.unshift(unquote(m[3].trim()));
        current = l;
        seqAt = -1;
      }
    }
    if (current === 0 && seqAt !== 0) break;
  }
  return path;
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

function textual(text: string, offset: number): Omit<Located, 'scope'> {
  const { start, end } = lineBounds(text, offset);
  const lineText = text.slice(start, end);
  const col = offset - start;
  const before = lineText.slice(0, col);
  const lines = text.slice(0, start).split(/\r?\n/);
  lines.pop();
  const lineNo = lines.length;
  const wordRe = /[^\s:{}\[\],#'"]*$/;
  const keyTyped = /^(\s*)(-\s+)?([^\s:#{}\[\],'"]*)$/.exec(before);
  if (keyTyped) {
    const indent = keyTyped[1].length + (keyTyped[2]?.length ?? 0);
    const rest = /^[^\s:#{}\[\],'"]*/.exec(lineText.slice(col))![0];
    const word = { text: keyTyped[3] + rest, start: offset - keyTyped[3].length, end: offset + rest.length };
    const all = [...lines, lineText];
    const dashAt = keyTyped[1].length;
    const path = keyTyped[2]
      ? [...parentPath(all, lineNo, dashAt, true), siblingIndex(all, lineNo, dashAt)]
      : parentPath(all, lineNo, indent, false);
    return { keyPath: word.text ? [...path, word.text] : path, on: word.text ? 'key' : 'blank', node: null, word };
  }
  const kv = KEY_LINE.exec(before);
  if (kv) {
    const indent = kv[1].length + (kv[2]?.length ?? 0);
    const typed = wordRe.exec(before)![0];
    const rest = /^[^\s,\]}#]*/.exec(lineText.slice(col))![0];
    const all = [...lines, lineText];
    const dashAt = kv[1].length;
    const path = kv[2]
      ? [...parentPath(all, lineNo, dashAt, true), siblingIndex(all, lineNo, dashAt)]
      : parentPath(all, lineNo, indent, false);
    return {
      keyPath: [...path, unquote(kv[3].trim())],
      on: 'value',
      node: null,
      word: { text: typed + rest, start: offset - typed.length, end: offset + rest.length },
    };
  }
  return { keyPath: [], on: 'blank', node: null, word: { text: '', start: offset, end: offset } };
}

/** Which level, group, host and parameter a key path points into. */
export function scopeOf(inventory: Inventory, keyPath: readonly PathSeg[]): Scope | null {
  if (keyPath[0] !== 'all') return null;
  if (keyPath[1] === 'vars') return withEntry(inventory.globalVars, { level: 'global', param: str(keyPath[2]), path: keyPath.slice(3) as PathSeg[] });
  let candidates = inventory.groups.filter((g) => g.depth === 1);
  let i = 1;
  let group: GroupEntry | undefined;
  while (keyPath[i] === 'children' && keyPath[i + 1] !== undefined) {
    const name = String(keyPath[i + 1]);
    group = candidates.find((g) => g.name === name);
    if (!group) return null;
    candidates = group.children;
    const section = keyPath[i + 2];
    if (section === 'vars') {
      return withEntry(group.vars, { level: 'group', group, param: str(keyPath[i + 3]), path: keyPath.slice(i + 4) as PathSeg[] });
    }
    if (section === 'hosts' && keyPath[i + 3] !== undefined) {
      const ip = String(keyPath[i + 3]);
      const host = group.hosts.find((h) => h.ip === ip);
      const scope: Scope = { level: 'host', group, host, param: str(keyPath[i + 4]), path: keyPath.slice(i + 5) as PathSeg[] };
      return host ? withEntry(host.vars, scope) : scope;
    }
    i += 2;
  }
  return null;
}

function str(seg: PathSeg | undefined): string | undefined {
  return seg === undefined ? undefined : String(seg);
}

function withEntry(vars: Map<string, VarEntry>, scope: Scope): Scope {
  const entry = scope.param !== undefined ? vars.get(scope.param) : undefined;
  return entry ? { ...scope, entry } : scope;
}

export function locate(inventory: Inventory, text: string, offset: number): Located {
  const doc = inventory.doc;
  let hit = doc ? findScalar(text, doc.contents, offset, [], 0) : null;
  if (hit?.on === 'value' && hit.node && scopeOf(inventory, hit.keyPath)?.param === undefined) {
    // `vars:` (or a host) followed by a half-typed name parses as a scalar value: it is a key
    hit = { keyPath: [...hit.keyPath, keyText(hit.node) ?? ''], on: 'key', node: hit.node };
  }
  let found: Omit<Located, 'scope'>;
  if (hit && hit.node?.range) {
    const [s, e] = hit.node.range;
    found = { ...hit, word: { text: text.slice(s, e), start: s, end: e } };
  } else if (hit) {
    const typed = /[A-Za-z0-9_.@$-]*$/.exec(text.slice(Math.max(0, offset - 200), offset))![0];
    found = { ...hit, word: { text: typed, start: offset - typed.length, end: offset } };
  } else {
    found = textual(text, offset);
  }
  return { ...found, scope: scopeOf(inventory, found.keyPath) };
}

/** The node at `path` below `node`, following map keys, sequence indexes and aliases. */
export function nodeAtPath(doc: Document.Parsed | undefined, node: Node | null, path: readonly PathSeg[]): { node: Node | null; key: Scalar | null } {
  let cur: Node | null = node;
  let key: Scalar | null = null;
  for (const seg of path) {
    cur = resolveAlias(doc, cur);
    if (isMap(cur)) {
      const pair = cur.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) return { node: null, key: null };
      key = pair.key as Scalar;
      cur = (pair.value as Node | null) ?? null;
    } else if (isSeq(cur) && typeof seg === 'number') {
      cur = (cur.items[seg] as Node | null) ?? null;
      key = null;
    } else {
      return { node: null, key: null };
    }
  }
  return { node: resolveAlias(doc, cur), key };
}
