// The line layout of YAML text, for the fast path (fastParse.ts): which lines are blank or only a
// comment, where the next content starts and at which column, and what a line starts with (a
// document marker, a sequence dash). Functions of the text alone; the parser's position stays there.
import { DASH, HASH, NL, SPACE } from './fastScalars';

/**
 * Walks the blank and comment lines from `from` (a line start). `comment` sees each comment's
 * indentation and the offset after its line, and returns false to stop there. Returns where the
 * walk stopped: the start of that line and its first non-space character (-1 at the end of the text).
 */
export function skipLines(text: string, from: number, comment?: (indent: number, after: number) => boolean): { start: number; at: number } {
  let start = from;
  for (;;) {
    let i = start;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === NL) {
      start = i + 1;
      continue;
    }
    if (c !== HASH) return { start, at: Number.isNaN(c) ? -1 : i };
    const nl = text.indexOf('\n', i);
    const after = nl < 0 ? text.length : nl + 1;
    if (comment && !comment(i - start, after)) return { start, at: i };
    start = after;
  }
}

/** The next line from `from` (a line start) holding content other than a comment. */
export function nextContentLine(text: string, from: number): { start: number; at: number; indent: number } | null {
  const line = skipLines(text, from);
  return line.at < 0 ? null : { start: line.start, at: line.at, indent: line.at - line.start };
}

/** `---` or `...` at a line start, alone (or before a space). */
export function isDocumentMarker(text: string, at: number): boolean {
  if (!(text.startsWith('---', at) || text.startsWith('...', at))) return false;
  const c = text.charCodeAt(at + 3);
  return c === SPACE || c === NL || Number.isNaN(c);
}

/** A sequence item's `-` at `at`: followed by a space, the line end or the end of the text. */
export function isSeqItem(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  return text.charCodeAt(at) === DASH && (c === SPACE || c === NL || Number.isNaN(c));
}

export function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Whether a `#` stands in [from, to). */
export function hasCommentBefore(text: string, from: number, to: number): boolean {
  const i = text.indexOf('#', from);
  return i >= 0 && i < to;
}
