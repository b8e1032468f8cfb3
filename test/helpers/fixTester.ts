// Applies quick fixes to inventories in tests: find the finding, build its fixes, apply one, re-lint.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/findings';
import { applyEdits, TextEdit } from '../../server/src/fixes/edits';
import { fixesFor } from '../../server/src/fixes/quickfixes';
import type { Fix } from '../../server/src/fixes/types';

export function lint(text: string): Finding[] {
  return analyze(text, { assumeInventory: true }).findings;
}

export function errorsOf(text: string): string[] {
  return lint(text).filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);
}

export function fixesOf(text: string, code: string, nth = 0): { finding: Finding; fixes: Fix[] } {
  const analysis = analyze(text, { assumeInventory: true });
  const found = analysis.findings.filter((f) => f.code === code);
  assert.ok(found.length > nth, `no finding ${code} #${nth}; got ${analysis.findings.map((f) => f.code).join(', ')}`);
  const finding = found[nth];
  return { finding, fixes: fixesFor({ analysis, code, data: { ...finding.data }, span: finding.span }) };
}

/**
 * Applies the fix titled like `title` (or the preferred one) for the first `code` finding and checks
 * the contract: that finding is gone, no error is added, and only the edited spans changed.
 */
export function applyFix(text: string, code: string, title?: RegExp, nth = 0): string {
  const { finding, fixes } = fixesOf(text, code, nth);
  const chosen = title ? fixes.find((f) => title.test(f.title)) : fixes.find((f) => f.preferred) ?? fixes[0];
  assert.ok(chosen, `no fix ${title ?? ''} for ${code}; got: ${fixes.map((f) => f.title).join(' | ')}`);
  const out = applyEdits(text, chosen.edits);
  assertOnlyEditsChanged(text, out, chosen.edits);
  const before = errorsOf(text).filter((e) => !e.startsWith(code + ':')).length;
  const after = lint(out);
  assert.ok(
    !after.some((f) => f.code === code && f.message === finding.message),
    `finding still there after "${chosen.title}":\n${out}`,
  );
  const errs = after.filter((f) => f.severity === 'error');
  assert.ok(errs.length <= before, `fix "${chosen.title}" added errors: ${errs.map((f) => f.code + ': ' + f.message).join('\n')}\n${out}`);
  return out;
}

/** Every byte outside the edited spans is unchanged, in order. */
export function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let pos = 0;
  let outPos = 0;
  for (const e of sorted) {
    const keep = before.slice(pos, e.span.start);
    assert.equal(after.slice(outPos, outPos + keep.length), keep, `text before offset ${e.span.start} changed`);
    outPos += keep.length;
    assert.equal(after.slice(outPos, outPos + e.newText.length), e.newText);
    outPos += e.newText.length;
    pos = e.span.end;
  }
  assert.equal(after.slice(outPos), before.slice(pos), 'text after the last edit changed');
}
