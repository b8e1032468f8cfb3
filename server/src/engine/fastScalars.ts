// Scalars on one line, for the fast path (fastParse.ts): plain, single- and double-quoted, read
// from the text and resolved through the document's own schema tags exactly as `yaml`'s composer
// resolves them (YAML 1.1 with PyYAML's booleans here). Resolutions are cached per schema options:
// inventories repeat the same values thousands of times. What it does not model (multi-line
// quotes, escapes beyond the simple ones, indicators at the start) gives up, and yaml parses.
import { Scalar, isScalar } from 'yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

export type Range = [number, number, number];
export type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Thrown when the fast path meets what it does not model: the caller parses with yaml. */
export class GiveUp extends Error {}
export const giveUp = (why: string): never => {
  throw new GiveUp(why);
};

// the characters of YAML's syntax the fast path looks at
export const SPACE = 32;
export const NL = 10;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const COMMA = 44;
export const SQ = 39;
export const DQ = 34;
export const OPEN_SEQ = 91;
export const CLOSE_SEQ = 93;
export const OPEN_MAP = 123;
export const CLOSE_MAP = 125;

/** Characters that cannot start a plain scalar we accept (YAML indicators, tabs and the like). */
const BAD_START = new Set('?:,[]{}#&*!|>\'"%@`\t\r-'.split('').map((c) => c.charCodeAt(0)));
/** Characters that end a plain scalar inside a flow collection. */
export const FLOW_END = new Set([COMMA, OPEN_SEQ, CLOSE_SEQ, OPEN_MAP, CLOSE_MAP]);

/**
 * Where a plain scalar on one line stops: at a line break, at ` #` (a comment), at a `:` followed
 * by a space or the end of the line, and inside a flow collection also at `,[]{}`. A tab or CR
 * stops it too, and the fast path then gives up. A search for the first stop keeps the regex
 * engine's work flat however long the line (a repeated group would stack a state per word), and
 * each stop is one character long, so that `lastIndex` tells where it is without a match object.
 */
const BLOCK_PLAIN_END = /[\n\t\r]| (?=#)|:(?=[ \n]|$)/g;
const FLOW_PLAIN_END = /[\n\t\r,[\]{}]| (?=#)|:(?=[ \n,[\]{}]|$)/g;

interface PlainTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (msg: string) => void, options: unknown): unknown;
}

/** What a plain scalar source resolves to under a schema (cached: inventories repeat values). */
interface Resolved {
  value: unknown;
  format?: string;
}

export class ScalarReader {
  private pos = 0;
  /**
   * Resolutions by source, for one parse: they would outlive it in a cache of their own, and the
   * sources, cut from the text parsed, would keep that version of the text alive with them.
   */
  private readonly cache = { key: new Map<string, Resolved>(), value: new Map<string, Resolved>() };

  constructor(
    private readonly text: string,
    private readonly options: Options,
    /** The tags of the document's schema, in the order yaml tries them. */
    private readonly tags: readonly PlainTag[],
  ) {}

  /**
   * A plain or quoted scalar at `start` on one line, and where it ends: after the closing quote or
   * the last non-space character of a plain scalar, or, for a key, at its `:`.
   */
  read(start: number, flow: boolean, atKey: boolean): { scalar: Scalar; end: number } {
    this.pos = start;
    const scalar = this.plainOrQuoted(flow, atKey);
    return { scalar, end: this.pos };
  }

  private plainOrQuoted(flow: boolean, atKey: boolean): Scalar {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === SQ || c === DQ) {
      const value = c === SQ ? this.singleQuoted() : this.doubleQuoted();
      const scalar = new Scalar(value);
      scalar.range = [start, this.pos, this.pos];
      scalar.source = value;
      scalar.type = c === SQ ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      if (atKey) this.spacesBeforeColon(start);
      return scalar;
    }
    if (BAD_START.has(c) && !(c === DASH && this.plainAfterDash(start))) giveUp('an indicator starts the scalar');
    // the regex engine finds the stop: this code runs cold on a first parse, where a character
    // loop in JavaScript is slower
    const stops = flow ? FLOW_PLAIN_END : BLOCK_PLAIN_END;
    stops.lastIndex = start;
    let last = stops.test(text) ? stops.lastIndex - 1 : text.length;
    const stop = text.charCodeAt(last);
    if (stop === 9 || stop === 13) giveUp('a tab or CR');
    while (last > start && text.charCodeAt(last - 1) === SPACE) last--;
    if (last === start) giveUp('an empty plain scalar');
    this.pos = last;
    if (atKey) this.spacesBeforeColon(start);
    const source = text.slice(start, last);
    return this.plainScalar(source, [start, last, last], atKey);
  }

  /** After a key: spaces may stand before its `:` (the key's range leaves them out). */
  private spacesBeforeColon(keyStart: number): void {
    let i = this.pos;
    while (this.text.charCodeAt(i) === SPACE) i++;
    if (this.text.charCodeAt(i) !== COLON) giveUp('a key not followed by `:`');
    // YAML limits implicit keys to 1024 characters: yaml reports the longer ones
    if (i - keyStart > 1000) giveUp('a very long key');
    this.pos = i;
  }

  private plainAfterDash(at: number): boolean {
    const n = this.text.charCodeAt(at + 1);
    return !(n === SPACE || n === NL || Number.isNaN(n) || FLOW_END.has(n));
  }

  /** A plain scalar resolved the way `yaml`'s composer does (first default tag whose test matches). */
  plainScalar(source: string, range: Range, atKey: boolean): Scalar {
    const cache = atKey ? this.cache.key : this.cache.value;
    let resolved = cache.get(source);
    if (!resolved) {
      resolved = this.resolvePlain(source, atKey);
      const v = resolved.value;
      if (v === null || typeof v !== 'object') cache.set(source, resolved);
    }
    let scalar: Scalar;
    if (typeof resolved.value === 'symbol' || (typeof resolved.value === 'object' && resolved.value !== null)) {
      // merge keys and the like: let the tag build its own node, as `yaml` does
      scalar = this.resolvePlainNode(source, atKey);
    } else {
      scalar = new Scalar(resolved.value);
      if (resolved.format) scalar.format = resolved.format;
    }
    scalar.range = range;
    scalar.source = source;
    scalar.type = 'PLAIN';
    return scalar;
  }

  private findTag(source: string, atKey: boolean): PlainTag | undefined {
    return this.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
  }

  private resolvePlain(source: string, atKey: boolean): Resolved {
    const tag = this.findTag(source, atKey);
    if (!tag) return { value: source };
    const res = tag.resolve(source, () => giveUp('the tag reports a problem'), this.options);
    const value = isScalar(res) ? res.value : res;
    return { value, format: tag.format };
  }

  private resolvePlainNode(source: string, atKey: boolean): Scalar {
    const tag = this.findTag(source, atKey);
    const res = tag ? tag.resolve(source, () => giveUp('the tag reports a problem'), this.options) : source;
    const scalar = isScalar(res) ? (res as Scalar) : new Scalar(res);
    if (tag?.format) scalar.format = tag.format;
    return scalar;
  }

  private singleQuoted(): string {
    const { text } = this;
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const q = text.indexOf("'", i);
      const nl = text.indexOf('\n', i);
      if (q < 0 || (nl >= 0 && nl < q)) giveUp('a quoted scalar over several lines');
      out += text.slice(i, q);
      if (text.charCodeAt(q + 1) === SQ) {
        out += "'";
        i = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }

  private doubleQuoted(): string {
    const { text } = this;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      const ch = text.charCodeAt(i);
      if (Number.isNaN(ch) || ch === NL) giveUp('a quoted scalar over several lines');
      if (ch === DQ) break;
      if (ch === 92 /* backslash */) {
        const e = text[i + 1];
        const simple = ESCAPES[e];
        if (simple === undefined) giveUp('an escape we leave to yaml');
        out += simple;
        i += 2;
        continue;
      }
      let j = i;
      while (j < text.length) {
        const cj = text.charCodeAt(j);
        if (cj === DQ || cj === 92 || cj === NL) break;
        j++;
      }
      out += text.slice(i, j);
      i = j;
    }
    this.pos = i + 1;
    return out;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };
