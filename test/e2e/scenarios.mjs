// @ts-check
// What a user does and sees, scenario by scenario, on the fixture workspace (test/e2e/workspace).
// Each scenario ends with a screenshot at the moment that proves it.
import * as assert from 'node:assert/strict';
import expected from './expected.cjs';

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
    const { file, items } = expected.diagnostics;
    await wb.openFile(file);
    const errors = await wb.waitForSquiggles('error', items.length);
    assert.equal(errors, items.length, `error squiggles in the editor`);
    const text = (await wb.problems(items.map((d) => d.message))).join('\n');
    for (const d of items) {
      const row = new RegExp(`${d.message.source}.* pigsty ${d.code} \\[Ln ${d.line}, Col ${d.column}\\]`);
      assert.match(text, row, `Problems panel rows:\n${text}`);
    }
    await wb.page.locator('.statusbar-item[id="status.problems"]', { hasText: String(expected.diagnostics.items.length) }).waitFor({ state: 'visible' });
    await shot();
  },
};

/** The scenarios that run; each needs its feature in the packaged extension. */
export const SCENARIOS = [diagnostics];
