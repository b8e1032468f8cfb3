// Parsing part of a text alone, as the whole text parses it: a region of one top-level block, or
// of a run of consecutive groups, from the start of its first key line to the next key line after it.
import { Pair, isMap, isScalar } from 'yaml';
import type { AnalyzeOptions } from './analyze';
import { hasAnchors } from './blocks';
import type { Finding } from './findings';
import { parseText, ParsedText } from './parse';
import { placeRanges } from './splice';

/** A key line put after a region's text: what follows a region can change how its last lines parse. */
const FOLLOWER_KEY = 'pigsty-lint-next-key';
const FOLLOWER = `${FOLLOWER_KEY}:\n`;

/** Why a region could not stand in, when a longer one (taking in the next group) may. */
export const TAKES_IN_NEXT = 'the block takes in the key line after it';
export const PROBLEMS_AT_END = 'the block has YAML problems at its end';

/** Blocks more than this in one region, and a full parse is as cheap. */
export const MAX_REGION_BLOCKS = 3;

export interface ParsedRegion {
  /** The region's keys, each starting its line at the region's indentation, with whole-text ranges. */
  pairs: Pair[];
  /** Its YAML problems, in whole-text offsets. */
  syntax: Finding[];
}

/**
 * The pairs of a region and its YAML problems, or why it cannot stand in. `regionText` starts at
 * whole-text offset `start`, at a key line indented by `indent`, and ends with the indentation of
 * the next key line when `followed`. An unusual region can parse alone and still take in the key
 * line after it in the whole text (an explicit key `?` left open, a flow map or a quoted string not
 * closed, say): so the region is parsed followed by a key line where the next one starts, and that
 * key must come out as the last sibling, with no problem at or after it: the parser is then back
 * where the whole text has it, and the region's own problems are the ones a full parse finds in it.
 * When the next key line is less indented than the region, the follower goes at the region's
 * indentation in a second parse, which serves only as that check: the first keeps the ranges.
 */
export function parseRegion(regionText: string, indent: number, start: number, options: AnalyzeOptions, followed: boolean): ParsedRegion | string {
  const nextIndent = regionText.length - (regionText.lastIndexOf('\n') + 1);
  // a key line indented further than the region's keys (a lone `:` can be one) is no sibling to mimic
  if (followed && nextIndent > indent) return 'the key line after the block is indented further';
  const together = followed && nextIndent === indent;
  const parsed = parseText(together ? regionText + FOLLOWER : regionText, options.lang);
  if (parsed.syntaxOnly) return 'the block is checked for syntax only';
  // around a YAML problem, comment lines can become items of a map of their own, and whether content
  // follows them there (a "map comment with trailing content") depends on the text after the region
  if (parsed.syntax.some((f) => (f.data as { yamlCode?: string } | undefined)?.yamlCode === 'IMPOSSIBLE')) return 'the block has a map comment with trailing content';
  // a problem reported in the indentation of the next key line (a flow collection left open on the
  // region's last line) would be the next block's by its place: the region alone cannot own it
  if (followed && parsed.syntax.some((f) => f.span.end > regionText.length - nextIndent)) return PROBLEMS_AT_END;
  if (parsed.documents.length !== 1) return 'the block holds a document marker';
  const root = parsed.documents[0].contents;
  if (!isMap(root) || root.flow) return 'the block is no longer a map of keys';
  const check = together || !followed ? parsed : parseText(regionText + ' '.repeat(indent - nextIndent) + FOLLOWER, options.lang);
  if (followed && !followsRegion(check, regionText.length + (together ? 0 : indent - nextIndent))) return TAKES_IN_NEXT;
  const pairs = (together ? root.items.slice(0, -1) : root.items) as Pair[];
  if (pairs.length === 0) return 'the block is no longer a map of keys';
  for (const [i, pair] of pairs.entries()) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) return 'a block key is not a plain key';
    const at = key.range[0];
    const lineStart = regionText.lastIndexOf('\n', at - 1) + 1;
    if (at - lineStart !== indent || (i === 0 && lineStart !== 0) || !/^ *$/.test(regionText.slice(lineStart, at))) return 'the block key moved';
    if (i === 0 && regionText.slice(at, key.range[1]).includes('\n') && !sameAfterAPair(regionText, indent, together, pairs, options)) {
      return 'the first key of the block runs over two lines';
    }
    if (hasAnchors(pair)) return 'the block uses anchors or aliases';
  }
  for (const pair of pairs) placeRanges(pair, start);
  const syntax = parsed.syntax.map((f) => ({ ...f, span: { start: f.span.start + start, end: f.span.end + start } }));
  return { pairs, syntax };
}

/** Whether the follower key put at `offset` came out as the last key of the top map, after others, with nothing wrong from it on. */
function followsRegion(parsed: ParsedText, offset: number): boolean {
  if (parsed.syntaxOnly || parsed.documents.length !== 1 || parsed.syntax.some((f) => f.span.end > offset)) return false;
  const root = parsed.documents[0].contents;
  if (!isMap(root) || root.items.length < 2) return false;
  const key = root.items[root.items.length - 1].key;
  return isScalar(key) && key.range?.[0] === offset && key.value === FOLLOWER_KEY;
}

/** A key line put before a region's text: the whole text has a pair before every group but the first. */
const LEADER = 'pigsty-lint-previous-key: 0\n';

/**
 * Whether the region's keys come out the same when a pair comes before them. Whether yaml joins a
 * key line without its colon to the next key line (a key over two lines) depends on what comes
 * before: after a pair, `e` stays apart from the next line's `cd:` and `pg` joins it, while as the
 * first line both join. The whole text has a pair (the group before) where the region has none.
 */
function sameAfterAPair(regionText: string, indent: number, together: boolean, pairs: readonly Pair[], options: AnalyzeOptions): boolean {
  const parsed = parseText(' '.repeat(indent) + LEADER + regionText + (together ? FOLLOWER : ''), options.lang);
  const root = parsed.documents.length === 1 ? parsed.documents[0].contents : null;
  if (!isMap(root)) return false;
  const keys = root.items.slice(1, together ? -1 : undefined).map((p) => (isScalar(p.key) ? p.key.value : p.key));
  return keys.length === pairs.length && keys.every((k, i) => k === (pairs[i].key as { value?: unknown }).value);
}
