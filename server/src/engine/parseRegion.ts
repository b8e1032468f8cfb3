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
  // the region parses at the top level, the whole text nests it: around a YAML problem, a comment
  // indented less than the region's keys can be read otherwise in the two (a map comment)
  if (parsed.syntax.length > 0 && hasCommentIndentedBelow(regionText, indent)) return 'the block has YAML problems and a comment indented less than its keys';
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

/** Whether a comment line of the region starts left of column `indent`. */
function hasCommentIndentedBelow(regionText: string, indent: number): boolean {
  for (let at = 0; at < regionText.length; at = regionText.indexOf('\n', at) + 1 || regionText.length) {
    let i = at;
    while (i < at + indent && (regionText.charCodeAt(i) === 32 || regionText.charCodeAt(i) === 9)) i++;
    if (i < at + indent && regionText.charCodeAt(i) === 35 /* # */) return true;
  }
  return false;
}
