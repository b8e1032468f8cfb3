// The registry of quick fixes: rule code -> builder. Builders read the finding's `code` and `data`
// (never its message, which is translated) and recompute edits against the current analysis.
import { citusFixes } from './citusFixes';
import { configFixes } from './configFixes';
import { identityFixes } from './identityFixes';
import type { Fix, FixBuilder, FixRequest } from './types';

const builders: Record<string, FixBuilder> = {
  ...identityFixes,
  ...citusFixes,
  ...configFixes,
};

/** Codes that have a fix builder (for docs and tests). */
export function fixableCodes(): string[] {
  return Object.keys(builders).sort();
}

/** The fixes for one finding; [] when its fix cannot be determined. Never throws. */
export function fixesFor(req: FixRequest): Fix[] {
  const build = builders[req.code];
  if (!build) return [];
  try {
    return build(req);
  } catch {
    return [];
  }
}
