// The keystroke path when an edit adds, removes or renames groups under `all.children`: a group
// key typed between two groups (half typed, it is a YAML problem that takes in the next group's
// key line), a group renamed, two groups joined. The region of the groups the edit touched is
// parsed alone and spliced into the document in place of their pairs, the model's entries for
// those groups are built again, and every rule runs over the model, as after a full parse: what
// is saved is parsing the whole text, which costs most when the text has a YAML problem (the fast
// parser leaves such texts to `yaml`).
import type { Document, Pair, Scalar } from 'yaml';
import { Analysis, AnalyzeOptions, analyzeModel } from './analyze';
import { block, Block, BlockLayout, keyLineStart } from './blocks';
import { keyText } from './model';
import type { ParsedRegion } from './parseRegion';
import { spliceProblems } from './blockProblems';
import { spliceDocument, spliceInventory } from './splice';
import { duplicateGroupProblems, isDuplicateGroupProblem } from './duplicateGroups';

export interface Regrouped {
  analysis: Analysis;
  layout: BlockLayout;
}

/**
 * The analysis of `text` with the groups of `blocks` (consecutive, in `layout`) replaced by the
 * region's pairs, or why not. `delta` is the edit's length change, inside the region; `next` where
 * the key line after the region starts (past its indentation) in `text`. `previous` is consumed.
 */
export function regroup(
  previous: Analysis, layout: BlockLayout, blocks: readonly Block[], region: ParsedRegion, text: string, delta: number, next: number, options: AnalyzeOptions,
): Regrouped | string {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (blocks.some((b) => b.kind !== 'group')) return 'all.vars gained or lost a key';
  for (const pair of region.pairs) {
    if ((pair.key as Scalar).value === '<<' || keyText(pair.key) === null) return 'a group key is a merge key or empty';
  }
  const before = previous.parsed.text;
  // repeated group keys, in the region or across it, are worked out from the new layout (taken
  // out here, while the later groups' ranges are still those of the previous text)
  const earlier = previous.parsed.syntax.filter((f) => !isDuplicateGroupProblem(f, layout, before.length));
  const doc = previous.parsed.inventoryDoc as Document.Parsed;
  const later = layout.blocks.filter((b) => b.start >= last.end).map((b) => b.pair);
  if (!spliceDocument(doc, blocks, region.pairs, delta, later, { before, after: text, nextKey: next - delta })) {
    return 'a map or the document ends inside the groups';
  }
  const model = spliceInventory(previous.inventory, blocks, region.pairs);
  const keyStarts = new Set(region.pairs.map((p) => (p.key as Scalar).range![0]));
  const own = region.syntax.filter((f) => !(f.code === 'yaml/duplicate-key' && keyStarts.has(f.span.start)));
  const syntax = spliceProblems(earlier, { start: first.start, end: last.end }, own, delta, before.length);
  const regrouped = regroupedLayout(layout, blocks, region.pairs, text, delta);
  const repeated = duplicateGroupProblems(regrouped, text);
  if (typeof repeated === 'string') return repeated;
  syntax.push(...repeated);
  const parsed = {
    ...previous.parsed,
    text,
    syntax,
    // a marker the text lacked is looked for in the whole region, not only where the edit wrote
    marks: previous.parsed.marks.after(text, { start: first.start, length: last.end + delta - first.start }),
  };
  const analysis = analyzeModel(parsed, model, options);
  return { analysis, layout: regrouped };
}

/** The layout with `blocks` replaced by one block per new pair; later blocks moved by `delta`, their indexes by the count's change. */
function regroupedLayout(layout: BlockLayout, blocks: readonly Block[], pairs: readonly Pair[], text: string, delta: number): BlockLayout {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const end = last.end;
  const shift = pairs.length - blocks.length;
  const at = layout.blocks.indexOf(first);
  for (const b of layout.blocks) {
    if (b.start >= end) {
      b.start += delta;
      b.end += delta;
      if (b.parent === first.parent) b.index += shift;
    } else if (b.end >= end && !blocks.includes(b)) b.end += delta;
  }
  const fresh = pairs.map((pair, i) => block('group', first.ancestors, first.index + i, pair, keyText(pair.key)!, keyLineStart(text, pair)!, text));
  fresh.forEach((b, i) => (b.end = i + 1 < fresh.length ? fresh[i + 1].start : end + delta));
  layout.blocks.splice(at, blocks.length, ...fresh);
  return layout;
}
