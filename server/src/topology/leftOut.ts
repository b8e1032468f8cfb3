// What the drawing may be missing, and why: the parser stops understanding a broken YAML region,
// so hosts written there are not drawn. The shells say so next to the graph.
import type { Analysis } from '../engine/analyze';
import type { LeftOut } from './types';

export function leftOutOf(analysis: Analysis): LeftOut[] {
  const out: LeftOut[] = [];
  if (analysis.parsed.syntaxOnly) {
    const notice = analysis.findings.find((f) => f.code === 'engine/syntax-only');
    out.push({ reason: 'too-big', message: notice?.message ?? 'file too big for semantic checks', span: null });
    return out;
  }
  for (const f of analysis.parsed.syntax) {
    if (f.severity === 'error') out.push({ reason: 'syntax', message: f.message, span: f.span });
  }
  if (!analysis.isInventory) {
    out.push({ reason: 'not-inventory', message: 'no top-level `all:` key: not a Pigsty inventory', span: null });
  } else if (analysis.inventory.hostOccurrences.size === 0) {
    out.push({ reason: 'no-groups', message: 'no host found under all.children', span: null });
  }
  return out;
}
