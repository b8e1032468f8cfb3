// The `pigsty.*` settings the server honours, with defaults for clients that send none.
import type { Severity } from '../engine/findings';

export interface PigstySettings {
  enable: boolean;
  inventoryGlobs: string[];
  /** Per-rule severity overrides, like ESLint's `rules`. */
  rules: Record<string, Severity | 'off'>;
  /** `codeLens.clusterLimit`: the most pg clusters a document may have for each to get a code lens (0: none). */
  codeLensClusterLimit: number;
  /** `outline.maxItems`: the most symbols an outline lists (outlineLimit.ts says which it keeps). */
  outlineMaxItems: number;
}

/**
 * VS Code updates every code lens of a document on each keystroke. In code-server (npm run
 * bench:editor), a lens per cluster at 3,000 clusters made the squiggle of a keystroke come about
 * 10 % later; at 1,000, nothing measurable. Like yaml-language-server's `maxItemsComputed`.
 */
export const DEFAULT_CLUSTER_LENS_LIMIT = 1000;

/**
 * In code-server (npm run bench:editor), the whole outline at 3,000 clusters (8,324 symbols) cost a
 * keystroke nothing measurable, and at 10,000 clusters (27,780) made its squiggle come about three
 * times later than with no outline at all; cut to its 7,696 groups, about a third later.
 * yaml-language-server's `yaml.maxItemsComputed` is 5,000.
 */
export const DEFAULT_OUTLINE_MAX_ITEMS = 10_000;

export const DEFAULT_SETTINGS: PigstySettings = {
  enable: true, inventoryGlobs: [], rules: {}, codeLensClusterLimit: DEFAULT_CLUSTER_LENS_LIMIT, outlineMaxItems: DEFAULT_OUTLINE_MAX_ITEMS,
};

const LEVELS = new Set(['off', 'error', 'warning', 'information', 'hint']);

export function readSettings(raw: unknown): PigstySettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, Severity | 'off'> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [code, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[code] = level as Severity | 'off';
    }
  }
  return {
    enable: s.enable !== false,
    inventoryGlobs: Array.isArray(s.inventoryGlobs) ? s.inventoryGlobs.filter((g): g is string => typeof g === 'string') : [],
    rules,
    codeLensClusterLimit: count((s.codeLens as { clusterLimit?: unknown } | undefined)?.clusterLimit, 0, DEFAULT_CLUSTER_LENS_LIMIT),
    outlineMaxItems: count((s.outline as { maxItems?: unknown } | undefined)?.maxItems, 1, DEFAULT_OUTLINE_MAX_ITEMS),
  };
}

/** An integer setting of at least `min`, or its default. */
function count(raw: unknown, min: number, fallback: number): number {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= min ? raw : fallback;
}
