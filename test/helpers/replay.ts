// Replaying edits through the keystroke path and comparing each result with a full validation of
// the same text: the findings, the range and value of every YAML node the rules can see, the
// model's indexes and every host's effective parameters. Used by test/unit/incremental.test.ts and
// by the long replay (bench/replay.ts).
import * as assert from 'node:assert/strict';
import { isCollection, isPair, isScalar, isAlias } from 'yaml';
import { prng } from '../../bench/generate';
import { analyze, Analysis } from '../../server/src/engine/analyze';
import type { VarEntry } from '../../server/src/engine/model';
import { prepareEdits, reanalyze } from '../../server/src/engine/incremental';

export function findingsOf(a: Analysis) {
  return a.findings.map((f) => ({ code: f.code, severity: f.severity, span: f.span, message: f.message, data: f.data, related: f.related }));
}

/** A scalar's value; the `<<` merge key is a new Symbol in each parse, so it stands as its description. */
function valueOf(value: unknown): unknown {
  return typeof value === 'symbol' ? `Symbol(${value.description})` : value;
}

/** Every node's kind, range and scalar value, in document order. */
export function shapeOf(a: Analysis): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown): void => {
    if (node === null || node === undefined) return out.push(null) as unknown as void;
    if (isPair(node)) return (walk(node.key), walk(node.value));
    const n = node as { range?: number[]; constructor: { name: string } };
    out.push([n.constructor.name, n.range?.slice(), isScalar(node) ? valueOf(node.value) : isAlias(node) ? node.source : undefined]);
    if (isCollection(node)) for (const item of node.items) walk(item);
  };
  for (const doc of a.parsed.documents) walk(doc.contents);
  return out;
}

/** The model's indexes, each entry given by where it stands in the model's own group list (-1: not there). */
function indexesOf(a: Analysis): unknown {
  const { groups, groupsByName, hostOccurrences } = a.inventory;
  const hostAt = (h: unknown) => {
    const g = groups.findIndex((group) => group.hosts.includes(h as never));
    return g < 0 ? -1 : `${g}.${groups[g].hosts.indexOf(h as never)}`;
  };
  return {
    groups: [...groupsByName].map(([name, list]) => [name, list.map((g) => groups.indexOf(g))]),
    hosts: [...hostOccurrences].map(([ip, list]) => [ip, list.map(hostAt)]),
  };
}

/**
 * Every host's effective parameters (what hover shows): value, where it is written and what it
 * overrides, as offsets. The keystroke path's resolver keeps the answers of hosts outside the edit.
 */
function effectiveOf(a: Analysis): unknown {
  const at = (entry: VarEntry | null) => entry?.keyNode.range?.[0] ?? null;
  const r = a.resolver;
  return [...r.hostIps()].sort().map((ip) => [
    ip,
    [...r.names(ip)].sort().map((name) => {
      const v = r.get(ip, name)!;
      return [name, v.value, at(v.entry), v.overridden.map(at)];
    }),
  ]);
}

export function assertSame(incremental: Analysis, text: string, where: string): void {
  const full = analyze(text);
  assert.deepEqual(findingsOf(incremental), findingsOf(full), `findings differ ${where}`);
  assert.deepEqual(shapeOf(incremental), shapeOf(full), `YAML nodes differ ${where}`);
  assert.deepEqual(indexesOf(incremental), indexesOf(full), `the model's indexes differ ${where}`);
  assert.deepEqual(effectiveOf(incremental), effectiveOf(full), `effective parameters differ ${where}`);
}

export const SNIPPETS = ['a', '1', ':', ' ', '-', '\n', '#', '{', '}', ',', "'", 'x: 1', '\n      ', 'pg_role: primary', '10.10.10.10'];

/** A random edit: a character typed or deleted, a line deleted, or a line pasted elsewhere. */
export function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const kind = rand();
  if (kind < 0.4) return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
  if (kind < 0.7) return text.slice(0, at) + text.slice(at + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  if (kind < 0.8) return text.slice(0, lineStart) + text.slice(lineEnd);
  const to = text.lastIndexOf('\n', Math.floor(rand() * text.length)) + 1;
  return text.slice(0, to) + text.slice(lineStart, lineEnd) + text.slice(to);
}

/** Replays `steps` edits; a broken text is often reverted, as a user would, so blocks get re-parsed. */
export function replay(
  name: string,
  text: string,
  steps: number,
  seed: number,
  options: { edit?: typeof randomEdit; observe?: (before: Analysis, after: Analysis) => void } = {},
): { block: number; groups: number; full: number } {
  const { edit = randomEdit, observe } = options;
  const rand = prng(seed);
  let current = analyze(text);
  let currentText = text;
  const counts = { block: 0, groups: 0, full: 0 };
  for (let step = 0; step < steps; step++) {
    const broken = current.parsed.syntax.length > 0;
    const next = broken && rand() < 0.6 ? text : edit(currentText, rand);
    // sometimes the server has been idle and prepared the edit (every block's ranges gathered)
    if (rand() < 0.3) prepareEdits(current);
    const result = reanalyze(current, next);
    counts[result.mode]++;
    assertSame(result.analysis, next, `in ${name} after step ${step} (${result.mode}${result.reason ? ': ' + result.reason : ''})`);
    observe?.(current, result.analysis);
    current = result.analysis;
    currentText = next;
  }
  return counts;
}

/** Lines typed just above a key line of the top two levels, where comments after a block's last value go. */
const TAIL_LINES = ['    # a note\n', '      # a note\n', '  # a note\n', '\n', '      x: 1\n', '        x: 1\n', '    #x: { hosts: {} }\n', '        # a note\n'];

/** An edit at the end of the last group or all.vars, where comments after the last value go. */
export function tailEdit(text: string, rand: () => number): string {
  // the last line of the block before `  vars:` (after `  children:`) or `  children:` (after `  vars:`)
  const ends = [...text.matchAll(/\n(?=  (vars|children):)/g)]
    .map((m) => text.lastIndexOf('\n', m.index! - 1) + 1)
    .filter((at) => text[at] === ' ' || text[at] === '\n'); // not `all:` itself
  if (ends.length === 0) return randomEdit(text, rand);
  const at = ends[Math.floor(rand() * ends.length)];
  const lineEnd = text.indexOf('\n', at) + 1;
  // a line typed above it, the line deleted, or the line replaced
  const kind = rand();
  const line = TAIL_LINES[Math.floor(rand() * TAIL_LINES.length)];
  if (kind < 0.5) return text.slice(0, at) + line + text.slice(at);
  if (kind < 0.75) return text.slice(0, at) + text.slice(lineEnd);
  return text.slice(0, at) + line + text.slice(lineEnd);
}

/**
 * A key written at the indentation of groups (four spaces), lines and all, copied to just after
 * itself or after another such key: a cluster added by copy and paste, its key repeated until
 * renamed. Under `all.vars` the same edit repeats a parameter.
 */
export function groupCopy(text: string, rand: () => number): string {
  const starts = [...text.matchAll(/^ {4}[^ #\n]/gm)].map((m) => m.index!);
  if (starts.length === 0) return randomEdit(text, rand);
  // a block ends where a line with content is indented four spaces or less
  const endOf = (start: number): number => {
    const m = /\n(?= {0,4}[^ \n])/g;
    m.lastIndex = start;
    const found = m.exec(text);
    return found ? found.index + 1 : text.length;
  };
  const from = starts[Math.floor(rand() * starts.length)];
  const copied = text.slice(from, endOf(from));
  const to = endOf(starts[Math.floor(rand() * starts.length)]);
  const piece = copied.endsWith('\n') ? copied : copied + '\n';
  return text.slice(0, to) + piece + text.slice(to);
}
