// The `pigsty.*` settings the server honours, with defaults for clients that send none.
import type { Severity } from '../engine/findings';

export interface PigstySettings {
  enable: boolean;
  inventoryGlobs: string[];
  /** Per-rule severity overrides, like ESLint's `rules`. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_SETTINGS: PigstySettings = { enable: true, inventoryGlobs: [], rules: {} };

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
  };
}
