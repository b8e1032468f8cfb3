// @ts-check
// What a user does and sees, scenario by scenario, on the fixture workspace (test/e2e/workspace).
// Each scenario ends with a screenshot at the moment that proves it.
import * as assert from 'node:assert/strict';

/**
 * @typedef {{ wb: import('./harness/workbench.mjs').Workbench, read: (rel: string) => string, shot: () => Promise<string> }} Ctx
 * @typedef {{ name: string, title: string, run: (ctx: Ctx) => Promise<void> }} Scenario
 */

/** 1-based line and column of the n-th occurrence of `needle` in `text`. */
export function position(/** @type {string} */ text, /** @type {string} */ needle, occurrence = 1) {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture has no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** @type {Scenario} */
const diagnostics = {
  name: 'diagnostics',
  title: 'diagnostics: squiggles in the editor and the messages in the Problems panel',
  async run({ wb, shot }) {
    await wb.openFile('pigsty.yml');
    const errors = await wb.waitForSquiggles('error', 2);
    assert.ok(errors >= 2, `expected 2 error squiggles, saw ${errors}`);
    const rows = await wb.problems([
      /`pg_seq: 1` is used twice in cluster `pg-meta`/,
      /`pg_role: master` is not a Pigsty role: did you mean `primary`\?/,
    ]);
    const text = rows.join('\n');
    assert.match(text, /identity\/pg-seq/);
    assert.match(text, /identity\/pg-role/);
    assert.match(text, /\[Ln 18, Col 32\]/, `Problems panel rows:\n${text}`);
    assert.match(text, /\[Ln 23, Col 44\]/, `Problems panel rows:\n${text}`);
    await wb.page.locator('.statusbar-item[id="status.problems"]', { hasText: '2' }).waitFor({ state: 'visible' });
    await shot();
  },
};

/** The scenarios that run; each needs its feature in the packaged extension. */
export const SCENARIOS = [diagnostics];
