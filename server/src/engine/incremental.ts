// The keystroke path: re-analyse a new version of a text from the analysis of the previous one.
// When the edit stays inside one top-level block (a group under `all.children`, or `all.vars`),
// only that block is re-parsed; it is spliced into the previous document, the model is updated
// for that group alone, and the rules run over the updated model: those whose inputs the edit left
// alone keep their findings, those that judge entry by entry (Rule.local) run over the block only,
// and those that judge cluster by cluster (Rule.units) judge the clusters of the block's hosts
// only. An edit that adds, removes or renames groups re-parses the run of groups it touched
// instead (regroup.ts). Anything unusual falls back to a full analysis. Either way the findings equal those of
// `analyze(newText)` (test/unit/incremental, test/unit/ruleReuse).
import { Document, Pair } from 'yaml';
import { analyze, Analysis, AnalyzeOptions, analyzeModel, LocalReuse } from './analyze';
import { Block, blockLayout, BlockLayout, onlyCommentFrom } from './blocks';
import { editOwner } from './editOwner';
import { blockAt, sameProblems, spliceProblems } from './blockProblems';
import type { Finding } from './findings';
import { parseText, ParsedText } from './parse';
import { changedParams, subtree } from './changes';
import { ownString } from './ownString';
import { keyText } from './model';
import type { Inventory } from './model';
import { spliceDocument, spliceInventory } from './splice';
import { MAX_REGION_BLOCKS, parseRegion, ParsedRegion, PROBLEMS_AT_END, TAKES_IN_NEXT } from './parseRegion';
import { regroup } from './regroup';
import { duplicateGroupProblems, duplicateProblemOf, isDuplicateGroupProblem, repeatAfterMayMove } from './duplicateGroups';
import { blockRanges } from './blockRanges';

/** One replacement of old offsets [start, end) by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface Reanalysis {
  analysis: Analysis;
  /**
   * 'block' when one block was re-parsed; 'groups' when a run of groups was, and groups came, went
   * or were renamed (regroup.ts); else 'full' with the reason.
   */
  mode: 'block' | 'groups' | 'full';
  reason?: string;
}

// Layouts are computed once per analysis and handed on to the next one (ranges stay in step).
const layouts = new WeakMap<Analysis, BlockLayout | string>();

function layoutOf(analysis: Analysis): BlockLayout | string {
  let layout = layouts.get(analysis);
  if (layout === undefined) {
    layout = analysis.isInventory ? blockLayout(analysis.parsed) : 'the text is not an inventory';
    if (typeof layout !== 'string' && analysis.parsed.syntax.length > 0) layout = unconfinedProblems(layout, analysis.parsed) ?? layout;
    layouts.set(analysis, layout);
  }
  return layout;
}

/** More blocks with YAML problems than this, and a full parse is as cheap as checking them. */
const MAX_BLOCKS_WITH_PROBLEMS = 4;

/**
 * Why the YAML problems of a text stop it from being updated block by block, or null when they do
 * not: each lies inside one block, and that block parsed alone, as the keystroke path parses it,
 * has the very same problems. An edit to another block then keeps them (moved), and an edit to
 * theirs finds them again, or not, in the re-parsed block alone. (A half-typed line is a YAML
 * problem: without this, every keystroke until the line was whole would parse the whole text.)
 */
function unconfinedProblems(layout: BlockLayout, parsed: ParsedText): string | null {
  const length = parsed.text.length;
  // repeated group keys are the layout's, worked out from it again whenever group keys change
  const repeated = parsed.syntax.filter((f) => isDuplicateGroupProblem(f, layout, length));
  const expected = duplicateGroupProblems(layout, parsed.text);
  if (typeof expected === 'string') return expected;
  if (!sameProblems(repeated, expected)) return "the text's repeated group keys are not its layout's";
  const layoutOwn = new Set(repeated);
  const byBlock = new Map<Block, Finding[]>();
  for (const f of parsed.syntax) {
    if (layoutOwn.has(f)) continue;
    const b = blockAt(layout, f.span.start, length);
    if (!b || f.span.end > b.end) return 'the text has YAML problems outside any group or all.vars';
    const list = byBlock.get(b);
    if (list) list.push(f);
    else byBlock.set(b, [f]);
  }
  if (byBlock.size > MAX_BLOCKS_WITH_PROBLEMS) return 'the text has YAML problems in many groups';
  const { text } = parsed;
  for (const [b, problems] of byBlock) {
    let next = b.end;
    while (text.charCodeAt(next) === 32) next++;
    const alone = parseRegion(text.slice(b.start, next), b.indent, b.start, {}, next < text.length);
    if (typeof alone === 'string' || alone.pairs.length !== 1 || !sameKey(b, alone.pairs[0]) || !sameProblems(alone.syntax, problems)) {
      return 'the YAML problems of a group depend on the text around it';
    }
  }
  return null;
}

/**
 * What the first keystroke in `analysis`'s text would work out before anything else, worked out
 * ahead (the server does it while the editor is idle after an analysis): the block layout, and
 * every block's list of ranges, which an edit above the block moves. Both are caches the keystroke
 * path fills when it needs them, so this changes no result, only when the work is done.
 */
export function prepareEdits(analysis: Analysis): void {
  const layout = layoutOf(analysis);
  if (typeof layout === 'string') return;
  for (const block of layout.blocks) blockRanges(block.pair);
}

/** Characters compared at once while the texts agree: one native comparison instead of a loop. */
const CHUNK = 1024;

/** Lengths of the start and end of two texts known to be the same (the editor said where it edited). */
export interface KnownSame {
  prefix: number;
  suffix: number;
}

/**
 * The smallest single change turning `before` into `after` (common prefix and suffix kept). With
 * `known`, the comparison starts past what is known to be the same instead of at both ends.
 */
export function diffTexts(before: string, after: string, known?: KnownSame): TextChange {
  const max = Math.min(before.length, after.length);
  let start = Math.min(known?.prefix ?? 0, max);
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start;
  let tail = Math.min(known?.suffix ?? 0, room);
  while (
    tail + CHUNK <= room &&
    before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)
  ) {
    tail += CHUNK;
  }
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/**
 * The analysis of `text`, reusing `previous` (the analysis of an earlier version, analysed with the
 * same options). `previous` is consumed: its document is updated in place and must not be used after.
 * `known`: how much of the start and end of the two texts is the same, when the caller knows.
 */
export function reanalyze(previous: Analysis, text: string, options: AnalyzeOptions = {}, known?: KnownSame): Reanalysis {
  const full = (reason: string): Reanalysis => ({ analysis: analyze(text, options), mode: 'full', reason });
  const before = previous.parsed.text;
  if (before === text) return { analysis: previous, mode: 'block' };
  const layout = layoutOf(previous);
  if (typeof layout === 'string') return full(layout);
  const owner = editOwner(layout, diffTexts(before, text, known), before);
  if (!owner) return full('the edit is outside any group or all.vars');
  const { change } = owner;
  const block = owner.blocks[0];
  const delta = change.text.length - (change.end - change.start);
  const region = parseAround(layout, owner.blocks, text, delta, options);
  if (typeof region === 'string') return full(region);
  const { blocks, next } = region;
  if (blocks.length > 1 || region.pairs.length > 1 || !sameKey(block, region.pairs[0])) {
    const regrouped = regroup(previous, layout, blocks, region, text, delta, next, options);
    if (typeof regrouped === 'string') return full(regrouped);
    // a problem the region's parse put in one of its groups may come from another: parsed alone, each must have its own
    const { analysis, layout: regroupedLayout } = regrouped;
    layouts.set(analysis, analysis.parsed.syntax.length > 0 ? unconfinedProblems(regroupedLayout, analysis.parsed) ?? regroupedLayout : regroupedLayout);
    return { analysis, mode: 'groups' };
  }
  const pair = region.pairs[0];
  if (repeatAfterMayMove(layout, block, previous.parsed.syntax, text, delta)) return full('the group after the edit repeats a key and may follow an empty value');
  // the block's key stayed: a repeated key's problem stays with it
  const repeated = duplicateProblemOf(block, previous.parsed.syntax);
  const blockText = text.slice(block.start, block.end + delta);

  const inventory = previous.inventory;
  const doc = previous.parsed.inventoryDoc as Document.Parsed;
  const later = layout.blocks.filter((b) => b.start >= block.end).map((b) => b.pair);
  // the next key line is the same text in both versions, `delta` further on in the new one
  if (!spliceDocument(doc, [block], [pair], delta, later, { before, after: text, nextKey: next - delta })) {
    return full('a map or the document ends inside the block');
  }
  const model = spliceInventory(inventory, [block], [pair]);
  const parsed = {
    ...previous.parsed,
    text,
    syntax: spliceProblems(previous.parsed.syntax, block, [...repeated, ...region.syntax], delta, before.length),
    marks: previous.parsed.marks.after(text, { start: change.start, length: change.text.length }),
  };
  const edit = { start: change.start, end: change.end, length: change.text.length };
  const changed = changedParams(inventory, model, block, pair, before, text, edit);
  const reuse = changed && {
    previous: previous.ruleRuns,
    changed,
    edit,
    local: localReuse(changed, block, pair, model, before.slice(block.start, block.end), blockText),
    memos: previous.memos,
    hosts: editedHosts(block, pair, inventory, model),
  };
  const analysis = analyzeModel(parsed, model, options, previous.resolver, reuse ?? undefined);
  layouts.set(analysis, nextLayout(layout, block, pair, delta));
  return { analysis, mode: 'block' };
}

/**
 * When the rules that judge entry by entry (Rule.local) may run over the re-parsed block alone: the
 * facts they read beyond an entry are the declared `version` and the names used in Jinja, so neither
 * may have changed. Jinja names can change only if the block's old or new text holds Jinja.
 */
function localReuse(
  changed: ReadonlySet<string>, block: Block, pair: Pair, model: Inventory, oldText: string, newText: string,
): LocalReuse | undefined {
  if (changed.has('version') || /\{\{|\{%/.test(oldText) || /\{\{|\{%/.test(newText)) return undefined;
  const groups = block.kind === 'vars' ? [] : subtree(model.groups, pair.key);
  if (!groups) return undefined;
  return { start: block.start, end: block.end, scope: { globalVars: block.kind === 'vars', groups } };
}

/** The hosts written in the edited group, before or after the edit (none for all.vars). */
function editedHosts(block: Block, pair: Pair, before: Inventory, after: Inventory): Set<string> {
  const hosts = new Set<string>();
  if (block.kind === 'vars') return hosts;
  for (const groups of [subtree(before.groups, block.pair.key), subtree(after.groups, pair.key)]) {
    for (const g of groups ?? []) for (const h of g.hosts) hosts.add(h.ip);
  }
  return hosts;
}

/**
 * The region the edit needs parsed again: the edited block or run of groups, and the groups after it that a half-typed
 * line takes in (a group key typed without its colon joins the next group's key). Its pairs, its
 * YAML problems, its blocks, and where the key line after it starts in `text`; or why not.
 */
function parseAround(layout: BlockLayout, run: readonly Block[], text: string, delta: number, options: AnalyzeOptions): (ParsedRegion & { blocks: Block[]; next: number }) | string {
  const blocks = [...run];
  const block = blocks[0];
  for (;;) {
    const end = blocks[blocks.length - 1].end + delta;
    const problem = checkRegionText(text.slice(block.start, end), block.indent, end === text.length);
    if (problem) return problem;
    // the parser's ranges may reach into the indentation of the next key line: let it see it
    let next = end;
    while (text.charCodeAt(next) === 32) next++;
    // a copy: the region's nodes outlive this version of the text, which they must not keep alive
    const region = parseRegion(ownString(text.slice(block.start, next)), block.indent, block.start, options, next < text.length);
    if (typeof region !== 'string') return { ...region, blocks, next };
    const after = region === TAKES_IN_NEXT || region === PROBLEMS_AT_END ? nextGroup(layout, blocks) : undefined;
    if (!after) return region;
    blocks.push(after);
  }
}

/** The group right after the run `blocks`, when the run may grow by it. */
function nextGroup(layout: BlockLayout, blocks: Block[]): Block | undefined {
  const last = blocks[blocks.length - 1];
  if (blocks.length >= MAX_REGION_BLOCKS || last.kind !== 'group') return undefined;
  const after = layout.blocks[layout.blocks.indexOf(last) + 1];
  return after && after.kind === 'group' && after.parent === last.parent && after.start === last.end ? after : undefined;
}

/** Lines after the first key line must stay in the region: indented as its keys or further, blank, or comments. */
function checkRegionText(regionText: string, indent: number, atEnd: boolean): string | null {
  if (!atEnd && !regionText.endsWith('\n')) return 'the edit joins the block to the next key line';
  let lineStart = regionText.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart < regionText.length) {
    let i = lineStart;
    while (regionText.charCodeAt(i) === 32) i++;
    if (!onlyCommentFrom(regionText, i) && i - lineStart < indent) return 'a line of the block moved out of it';
    lineStart = regionText.indexOf('\n', lineStart) + 1;
  }
  return null;
}

/** Whether the re-parsed pair has the block's key, where it was (a key over two lines, a YAML problem, is one value). */
function sameKey(block: Block, pair: Pair): boolean {
  const key = pair.key as { range: [number, number, number]; value?: unknown };
  const oldKey = block.pair.key as { range: [number, number, number]; value?: unknown };
  return key.range[0] === oldKey.range[0] && key.range[1] === oldKey.range[1] && key.value === oldKey.value && keyText(pair.key) === block.key;
}

/**
 * The block layout after the splice: the same boundaries, later ones moved by `delta`. The layout
 * belongs to the consumed previous analysis, so it is updated in place: a copy of every block cost
 * 2 ms a keystroke at 10,000 clusters.
 */
function nextLayout(layout: BlockLayout, changed: Block, pair: Pair, delta: number): BlockLayout {
  const end = changed.end;
  for (const b of layout.blocks) {
    if (b.start >= end) b.start += delta;
    if (b.end >= end) b.end += delta;
  }
  changed.pair = pair;
  return layout;
}
