// The `pigsty.*` settings the server honours, with defaults for clients that send none.
import type { Severity } from '../engine/findings';

export interface PigstySettings {
  enable: boolean;
  inventoryGlobs: string[];
  /** Per-rule severity overrides, like ESLint's `rules`. */
  rules: Record<string, Severity | 'off'>;
  /** `codeLens.clusterLimit`: the most pg clusters a document may have for each to get a code lens (0: none). */
  codeLensClusterLimit: number;
}

/**
 * VS Code updates every code lens of a document on each keystroke. In code-server (npm run
 * bench:editor), a lens per cluster at 3,000 clusters made the squiggle of a keystroke come about
 * 10 % later; at 1,000, nothing measurable. Like yaml-language-server's `maxItemsComputed`.
 */
export const DEFAULT_CLUSTER_LENS_LIMIT = 1000;

export const DEFAULT_SETTINGS: PigstySettings = { enable: true, inventoryGlobs: [], rules: {}, codeLensClusterLimit: DEFAULT_CLUSTER_LENS_LIMIT };

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
    codeLensClusterLimit: clusterLimit((s.codeLens as { clusterLimit?: unknown } | undefined)?.clusterLimit),
  };
}

function clusterLimit(raw: unknown): number {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : DEFAULT_CLUSTER_LENS_LIMIT;
}
