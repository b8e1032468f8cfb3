// The outline of a long inventory, cut to `pigsty.outline.maxItems` symbols.
//
// VS Code asks for the outline after each pause in typing (breadcrumbs, sticky scroll, the outline
// view), and at 10,000 clusters ours has 27,780 symbols, 6.8 MB of JSON per answer, which the
// extension host and the window then convert again: in code-server a keystroke's squiggle came
// after 417 ms instead of 109 ms with no outline at all (bench/RESULTS.md). yaml-language-server
// cuts its outline the same way (`yaml.maxItemsComputed`). The cut keeps whole levels, every group
// before any host, so that each cluster can still be reached from the outline while the groups fit.
import type { DocumentSymbol } from 'vscode-languageserver';

/** Sent to the client when the outline of a document was cut, or is no longer: `listed` of `total`. */
export const OUTLINE_LIMIT_NOTIFICATION = 'pigsty/outlineLimit';

export interface OutlineLimitParams {
  uri: string;
  /** Symbols in the outline sent. */
  listed: number;
  /** Symbols in the whole outline. */
  total: number;
  limit: number;
}

export interface LimitedOutline {
  symbols: DocumentSymbol[];
  listed: number;
  total: number;
}

/** How many symbols each level of the outline has: [top level, their children, ...]. */
function levelSizes(symbols: readonly DocumentSymbol[]): number[] {
  const sizes: number[] = [];
  let level: readonly DocumentSymbol[] = symbols;
  while (level.length) {
    sizes.push(level.length);
    const next: DocumentSymbol[] = [];
    for (const s of level) if (s.children) for (const c of s.children) next.push(c);
    level = next;
  }
  return sizes;
}

/** `s` without the levels below `depth` (1: `s` alone). */
function truncated(s: DocumentSymbol, depth: number): DocumentSymbol {
  if (!s.children) return s;
  const { children, ...rest } = s;
  return depth <= 1 ? rest : { ...rest, children: children.map((c) => truncated(c, depth - 1)) };
}

/**
 * The outline with at most `limit` symbols: as many whole levels as fit, or, when the top level
 * alone is longer, its first `limit` symbols. An outline that fits is returned as it is; a cut one
 * is copied down to the cut, and the symbols given stay whole (documentSymbols.ts keeps them).
 */
export function limitOutline(symbols: DocumentSymbol[], limit: number): LimitedOutline {
  const sizes = levelSizes(symbols);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= limit) return { symbols, listed: total, total };
  let depth = 0;
  let listed = 0;
  while (depth < sizes.length && listed + sizes[depth] <= limit) listed += sizes[depth++];
  if (depth === 0) return { symbols: symbols.slice(0, limit).map((s) => truncated(s, 1)), listed: Math.min(limit, symbols.length), total };
  return { symbols: symbols.map((s) => truncated(s, depth)), listed, total };
}
