// A fast path for the YAML that inventories are made of: one document of block maps and block
// sequences, single-line plain and quoted scalars, single-line flow collections, and comments.
// It builds the very nodes `yaml` would (same classes, values, sources and ranges, checked by
// test/unit/fastParse.test.ts against `parseAllDocuments`), several times faster, because it needs
// no token stream. Anything else (anchors, tags, block scalars, multi-line scalars or flow
// collections, odd comments next to empty values, any syntax error) makes it give up and the
// caller parses with `yaml` instead, so the result never depends on which path ran.
// Comments are not attached to nodes: nothing downstream reads them, and text edits never
// re-serialise the document. This file reads the block and flow structure; the line layout
// (blank and comment lines, markers) is in fastLines.ts, one-line scalars in fastScalars.ts.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isScalar } from 'yaml';
import {
  CLOSE_MAP, CLOSE_SEQ, COLON, COMMA, GiveUp, HASH, NL, OPEN_MAP, OPEN_SEQ, Options, Range, ScalarReader, SPACE, giveUp,
} from './fastScalars';
import { hasCommentBefore, isDocumentMarker, isSeqItem, lineStartOf, nextContentLine, skipLines } from './fastLines';

type Node = Scalar | YAMLMap | YAMLSeq;

/** Documents built here: they hold no anchor, alias or tag, so nothing needs to look for them. */
const builtHere = new WeakSet<object>();

/** Whether `doc` (or a document a node belongs to) came from the fast path, and so has no anchors or aliases. */
export function isAnchorFree(doc: object): boolean {
  return builtHere.has(doc);
}

/** The document `text` holds, built without `yaml`'s parser, or null when `yaml` must parse it. */
export function fastParse(text: string, options: Options): Document.Parsed | null {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return null;
  try {
    return new FastParser(text, options).document();
  } catch {
    // GiveUp, or anything unforeseen: yaml's parser is the reference, and it never throws
    return null;
  }
}

/** Why fastParse gives up on `text` (for tests and profiling), or null when it does not. */
export function fastParseRefusal(text: string, options: Options): string | null {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return 'CR, tab or BOM';
  const parser = new FastParser(text, options);
  try {
    parser.document();
    return null;
  } catch (err) {
    if (!(err instanceof GiveUp)) throw err;
    const line = text.slice(0, parser.at).split('\n').length;
    return `${err.message} (line ${line}: ${JSON.stringify(text.split('\n')[line - 1])})`;
  }
}

/** Nesting deeper than this is left to yaml (real inventories nest a dozen levels; recursion has limits). */
const MAX_DEPTH = 64;

class FastParser {
  private pos = 0;
  private depth = 0;
  get at(): number {
    return this.pos;
  }
  private readonly doc: Document.Parsed;
  private readonly scalars: ScalarReader;

  constructor(
    private readonly text: string,
    options: Options,
  ) {
    this.doc = new Document(undefined, options) as Document.Parsed;
    this.scalars = new ScalarReader(text, options, (this.doc.schema as unknown as { tags: never[] }).tags);
  }

  document(): Document.Parsed {
    const { text } = this;
    let docOffset = -1;
    let docStart = false;
    let line = nextContentLine(this.text, 0);
    if (!line) giveUp('no content');
    if (line!.indent === 0 && text.startsWith('---', line!.at)) {
      const after = text.charCodeAt(line!.at + 3);
      if (!(after === SPACE || after === NL || Number.isNaN(after))) giveUp('`---` joined to text');
      docOffset = line!.at;
      docStart = true;
      this.pos = line!.at + 3;
      this.restOfLine(false);
      line = nextContentLine(this.text, this.pos);
      if (!line) giveUp('empty document');
    }
    // an indented root map (a group cut out of an inventory, engine/incremental.ts) is read at its column
    if (line!.indent !== 0 && docStart) giveUp('the document does not start at column 0');
    if (docOffset < 0) docOffset = line!.at - line!.indent; // where the root's line starts
    this.pos = line!.at;
    const root = this.blockMap(line!.indent);
    // trailing comments belong to the document at column 0; an indented root keeps them, like a nested map
    if (line!.indent === 0) root.range![2] = root.range![1];
    const after = nextContentLine(this.text, this.pos);
    let docEnd = -1;
    if (after) {
      if (!this.text.startsWith('...', after.at) || !isDocumentMarker(this.text, after.at)) giveUp('content after the root map');
      this.pos = after.at + 3;
      this.restOfLine(false);
      docEnd = this.pos;
      if (nextContentLine(this.text, this.pos)) giveUp('content after the document end');
    }
    const doc = this.doc;
    if (docEnd >= 0) doc.directives!.docEnd = true;
    if (docStart) doc.directives!.docStart = true;
    doc.contents = root as never;
    // an empty value last leaves the final line break out of the document's range
    const emptyLast = isEmptyScalar(lastLeaf(root));
    if (emptyLast && text.slice(root.range![2]).trim() !== '') giveUp('an empty value ends the document');
    builtHere.add(doc);
    const docRangeEnd = docEnd >= 0 ? docEnd : emptyLast ? root.range![2] : text.length;
    (doc as { range: Range }).range = [docOffset, root.range![2], docRangeEnd];
    return doc;
  }

  // ---- the rest of a line, and comment lines around collections ------------------------------

  /** From `pos` to the end of its line: spaces and an optional comment (else give up). Moves past the newline. */
  private restOfLine(commentNeedsSpace = true): boolean {
    const { text } = this;
    const from = this.pos;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = text.charCodeAt(this.pos);
    let comment = false;
    if (c === HASH) {
      if (commentNeedsSpace && this.pos === from) giveUp('`#` right after a value');
      comment = true;
      const nl = text.indexOf('\n', this.pos);
      this.pos = nl < 0 ? text.length : nl + 1;
    } else if (c === NL) {
      this.pos++;
    } else if (!Number.isNaN(c)) {
      giveUp('more on the line after a value');
    }
    return comment;
  }

  /**
   * After a value that ends its line: `yaml` lets comment lines indented deeper than the
   * collection holding the value (`indent`) extend the value, blank lines before them included.
   */
  private extendOverDeepComments(indent: number): void {
    skipLines(this.text, this.pos, (commentIndent, after) => {
      if (commentIndent <= indent) return false;
      this.pos = after;
      return true;
    });
  }

  /**
   * The comment and blank lines after a block collection's last item, up to the next content:
   * `yaml` keeps them in the collection (its range then ends at that content) when one of the
   * comments is indented at least as far as the collection, else passes them to the parent.
   */
  private closeCollection(node: YAMLMap | YAMLSeq, indent: number): void {
    const range = node.range as Range;
    range[2] = range[1];
    if (indent === 0) return;
    let keep = false;
    const next = skipLines(this.text, this.pos, (commentIndent) => {
      if (commentIndent >= indent) keep = true;
      return true;
    });
    if (!keep) return;
    const atEnd = next.at < 0;
    range[2] = atEnd ? this.text.length : next.at;
    this.pos = atEnd ? this.text.length : next.start;
  }

  // ---- block collections ------------------------------------------------------------------------

  /** A block map whose first key starts at `this.pos`, at column `indent`. */
  private blockMap(indent: number): YAMLMap {
    const { text } = this;
    const map = new YAMLMap(this.doc.schema);
    const seen = new Set<unknown>();
    const pair = (): Node => {
      const key = this.plainOrQuoted(false, true);
      if (text.charCodeAt(this.pos) !== COLON) giveUp('a key without `:`');
      this.pos++;
      const keyValue = key.value;
      if (seen.has(keyValue) || typeof keyValue === 'object') giveUp('duplicate or complex key');
      seen.add(keyValue);
      const value = this.blockValue(indent, false);
      map.items.push(new Pair(key, value));
      return value;
    };
    return this.blockItems(map, indent, pair, (at) => {
      if (indent === 0 && isDocumentMarker(this.text, at)) return false;
      if (isSeqItem(this.text, at)) giveUp('a sequence item among map keys');
      return true;
    });
  }

  /** A block sequence whose first `-` is at `this.pos`, at column `indent`. */
  private blockSeq(indent: number): YAMLSeq {
    const seq = new YAMLSeq(this.doc.schema);
    const item = (): Node => {
      this.pos++; // the dash
      const value = this.blockValue(indent, true);
      seq.items.push(value);
      return value;
    };
    // a key at the column of the dashes ends the sequence: it was the value of a key of that map
    return this.blockItems(seq, indent, item, (at) => isSeqItem(this.text, at));
  }

  /**
   * The items of a block collection at column `indent`, from `this.pos`: `item` reads one, and
   * `goesOn` says whether the next line at that column is another. A line further left, or the
   * end, ends the collection; a line further right, after a finished item, is not ours to read.
   */
  private blockItems<T extends YAMLMap | YAMLSeq>(node: T, indent: number, item: () => Node, goesOn: (at: number) => boolean): T {
    if (++this.depth > MAX_DEPTH) giveUp('nested too deep');
    const start = this.pos;
    let end = start;
    for (;;) {
      end = (item().range as Range)[2];
      const next = nextContentLine(this.text, this.pos);
      if (!next || next.indent < indent) break;
      if (next.indent > indent) giveUp('a line indented under a finished value');
      if (!goesOn(next.at)) break;
      this.pos = next.at;
    }
    node.range = [start, end, end];
    this.closeCollection(node, indent);
    this.depth--;
    return node;
  }

  /**
   * The value after a key's `:` (or a sequence's `-`) at `this.pos`, in a collection at column
   * `indent`: on the same line, on the lines below, or empty.
   */
  private blockValue(indent: number, inSeq: boolean): Node {
    const { text } = this;
    const afterIndicator = this.pos;
    const c0 = text.charCodeAt(this.pos);
    if (!(c0 === SPACE || c0 === NL || Number.isNaN(c0))) giveUp('indicator joined to text');
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = text.charCodeAt(this.pos);
    if (c === NL || c === HASH || Number.isNaN(c)) {
      const emptyAt = this.pos;
      const comment = this.restOfLine(false);
      const next = nextContentLine(this.text, this.pos);
      const nested =
        next &&
        (next.indent > indent || (!inSeq && next.indent === indent && isSeqItem(this.text, next.at)));
      if (nested) {
        this.pos = next.at;
        if (isSeqItem(this.text, next.at)) return this.blockSeq(next.indent);
        return this.blockMap(next.indent);
      }
      if (comment || hasCommentBefore(this.text, this.pos, next ? next.start : text.length)) giveUp('a comment next to an empty value');
      const empty = this.scalars.plainScalar('', [emptyAt, emptyAt, emptyAt], false);
      this.pos = afterIndicator;
      return empty;
    }
    // a compact map in a sequence item: `- key: value`
    if (inSeq) {
      if (isSeqItem(this.text, this.pos)) giveUp('a sequence in a sequence item');
      const mark = this.pos;
      if (this.looksLikeKey()) {
        this.pos = mark;
        return this.blockMap(mark - lineStartOf(this.text, mark));
      }
      this.pos = mark;
    }
    const node = this.inlineValue();
    const nodeRange = node.range as Range;
    this.restOfLine(true);
    this.extendOverDeepComments(indent);
    nodeRange[2] = this.pos;
    return node;
  }

  /** Whether a plain or quoted key followed by `:` and a space or line end starts at `this.pos`. */
  private looksLikeKey(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      const close = this.text.indexOf(c === OPEN_SEQ ? ']' : '}', this.pos);
      const nl = this.text.indexOf('\n', this.pos);
      // `[a]: b` would be a complex key: give up rather than guess
      if (close >= 0 && (nl < 0 || close < nl) && this.text.charCodeAt(close + 1) === COLON) giveUp('a flow collection as a key');
      return false;
    }
    try {
      this.plainOrQuoted(false, true);
    } catch (err) {
      if (err instanceof GiveUp) return false;
      throw err;
    }
    const at = this.pos;
    const next = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === COLON && (next === SPACE || next === NL || Number.isNaN(next));
  }

  /** A value that stands on the rest of the line: a flow collection, a quoted or a plain scalar. */
  private inlineValue(): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_SEQ || c === OPEN_MAP) {
      const node = this.flowCollection();
      const r = node.range as Range;
      r[2] = r[1];
      let i = this.pos;
      while (this.text.charCodeAt(i) === SPACE) i++;
      if (this.text.charCodeAt(i) === COLON) giveUp('a flow collection as a key');
      return node;
    }
    const node = this.plainOrQuoted(false, false);
    if (this.text.charCodeAt(this.pos) === COLON) giveUp('a map where a scalar was expected');
    return node;
  }

  // ---- flow collections -------------------------------------------------------------------------

  private flowCollection(): YAMLMap | YAMLSeq {
    if (++this.depth > MAX_DEPTH) giveUp('nested too deep');
    const { text } = this;
    const open = this.pos;
    const isMap = text.charCodeAt(open) === OPEN_MAP;
    const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    this.pos++;
    const seen = new Set<unknown>();
    this.flowSpaces();
    if (text.charCodeAt(this.pos) === close) {
      this.pos++;
      node.range = [open, this.pos, this.pos];
      this.depth--;
      return node;
    }
    for (;;) {
      if (isMap) {
        const key = this.plainOrQuoted(true, true);
        if (text.charCodeAt(this.pos) !== COLON) giveUp('a flow map key without `:`');
        this.pos++;
        const after = text.charCodeAt(this.pos);
        if (after !== SPACE) giveUp('a flow map value not after `: `');
        if (seen.has(key.value) || typeof key.value === 'object') giveUp('duplicate or complex key');
        seen.add(key.value);
        this.flowSpaces();
        const value = this.flowItem();
        (node as YAMLMap).items.push(new Pair(key, value));
      } else {
        const item = this.flowItem();
        if (text.charCodeAt(this.pos) === COLON) giveUp('a pair in a flow sequence');
        (node as YAMLSeq).items.push(item);
      }
      const c = text.charCodeAt(this.pos);
      if (c === close) {
        this.pos++;
        node.range = [open, this.pos, this.pos];
        this.depth--;
        return node;
      }
      if (c !== COMMA) giveUp('unexpected text in a flow collection');
      this.pos++;
      this.flowSpaces();
      if (text.charCodeAt(this.pos) === close) giveUp('a trailing comma');
    }
  }

  private flowSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = this.text.charCodeAt(this.pos);
    if (c === NL || c === HASH || Number.isNaN(c)) giveUp('a flow collection over several lines');
  }

  /** An item of a flow collection, its range ending after the spaces that follow it. */
  private flowItem(): Node {
    const c = this.text.charCodeAt(this.pos);
    const node = c === OPEN_SEQ || c === OPEN_MAP ? this.flowCollection() : this.plainOrQuoted(true, false);
    this.flowSpaces();
    (node.range as Range)[2] = this.pos;
    return node;
  }

  /** A plain or quoted scalar at `this.pos` on one line; `this.pos` moves past it (for a key, to its `:`). */
  private plainOrQuoted(flow: boolean, atKey: boolean): Scalar {
    const { scalar, end } = this.scalars.read(this.pos, flow, atKey);
    this.pos = end;
    return scalar;
  }
}

function lastLeaf(node: unknown): unknown {
  let at = node;
  for (;;) {
    if (at instanceof YAMLMap) at = (at.items[at.items.length - 1] as Pair | undefined)?.value;
    else if (at instanceof YAMLSeq) at = at.items[at.items.length - 1];
    else return at;
  }
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.source === '' && node.type === 'PLAIN';
}
