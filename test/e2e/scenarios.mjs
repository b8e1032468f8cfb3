// @ts-check
// What a user does and sees, scenario by scenario, on the fixture workspace (test/e2e/workspace).
// Each scenario ends with a screenshot at the moment that proves it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import expected from './expected.cjs';
import { REPO } from './harness/paths.mjs';
import { topology } from './scenarios/topology.mjs';

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

/** @type {Scenario} */
const quickFix = {
  name: 'quick-fix',
  title: 'quick fix: Ctrl+. on `pg_role: master` offers and applies "Change pg_role to primary"',
  async run({ wb, read }) {
    const { file, at, title, before, after } = expected.quickFix;
    await wb.openFile(file);
    assert.ok(read(file).split('\n').includes(before), 'fixture line before the fix');
    await wb.goTo(at.line, at.column);
    const { widget: item } = await wb.shootWhileVisible('quick-fix', () => wb.codeAction(title));
    await wb.applyAction(item);
    await wb.save();
    const lines = read(file).split('\n');
    assert.equal(lines[at.line - 1], after);
    await wb.problems([]); // panel open for the picture: one error left
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'pg_role: master' }).waitFor({ state: 'detached' });
  },
};

/** @type {Scenario} */
const promote = {
  name: 'promote-survivor',
  title: 'promote surviving node: the refactoring on a pg host rewrites the inventory for the 2-of-3 failure',
  async run({ wb, read }) {
    const { file, host, title, repaired, commentedOut } = expected.promote;
    await wb.openFile(file);
    const at = position(read(file), host);
    await wb.goTo(at.line, at.column);
    const exact = new RegExp(`^${title.replace(/\./g, '\\.')}$`);
    const { widget: item } = await wb.shootWhileVisible('promote-survivor', () => wb.codeAction(exact));
    await wb.applyAction(item);
    await wb.save();
    const saved = read(file);
    assert.deepEqual(parse(saved, { version: '1.1' }), parse(readFileSync(path.join(REPO, repaired), 'utf8'), { version: '1.1' }));
    for (const line of commentedOut) assert.ok(saved.includes(line), `${line} should be in the saved file:\n${saved}`);
    await wb.screenshot('promote-survivor-after');
  },
};

/** @type {Scenario} */
const hover = {
  name: 'hover',
  title: 'hover: the explanation of a parameter shows on its key',
  async run({ wb, read }) {
    const { file, needle, texts } = expected.hover;
    await wb.openFile(file);
    const at = position(read(file), needle);
    const { widget } = await wb.shootWhileVisible('hover', () => wb.hoverAt(at.line, at.column + 3, texts[0]));
    const text = await widget.innerText();
    for (const t of texts) assert.match(text, t instanceof RegExp ? t : new RegExp(t));
    await wb.page.keyboard.press('Escape');
  },
};

/** @type {Scenario} */
const completion = {
  name: 'completion',
  title: 'completion: Ctrl+Space on a partly typed parameter name suggests it, and accepting inserts it',
  async run({ wb, read }) {
    const { file, after, typed, label, inserted } = expected.completion;
    await wb.openFile(file);
    const lines = read(file).split('\n');
    const line = lines.indexOf(after) + 1;
    assert.ok(line > 0, `fixture line ${after}`);
    await wb.goTo(line, after.length + 1);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type(typed);
    let row = await wb.suggest(label);
    await wb.shootWhileVisible('completion', async () => {
      if (!(await row.isVisible())) row = await wb.suggest(label);
      return row;
    });
    assert.match(await row.innerText(), /enum = 18 · PGSQL/, 'the item shows the type, default and module');
    await row.click();
    await wb.page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'detached' });
    await wb.save();
    const saved = read(file).split('\n');
    assert.match(saved[line], inserted, `line ${line + 1} after accepting: ${JSON.stringify(saved[line])}`);
  },
};

/** @type {Scenario} */
const snippet = {
  name: 'snippet',
  title: 'snippet: the Citus sandbox cluster is inserted from the suggest list',
  async run({ wb, read }) {
    const { file, after, indent, prefix, group, mode, hosts } = expected.snippet;
    await wb.openFile(file);
    const line = read(file).split('\n').indexOf(after) + 1;
    assert.ok(line > 0, `fixture line ${after}`);
    await wb.goTo(line, after.length + 1);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Shift+Home'); // drop the auto-indent, type at the level of the groups
    await wb.page.keyboard.type(indent + prefix);
    const exact = new RegExp(`^${prefix}$`);
    let row = await wb.suggest(exact);
    await wb.shootWhileVisible('snippet', async () => {
      if (!(await row.isVisible())) row = await wb.suggest(exact);
      return row;
    });
    const details = wb.page.locator('.suggest-details');
    if (await details.isVisible()) assert.doesNotMatch(await details.innerText(), /%\w+%/, 'an untranslated %placeholder% in the snippet details');
    await row.click();
    await wb.page.keyboard.press('Escape'); // leave the snippet's tab stops
    await wb.save();
    const inv = parse(read(file));
    const citus = inv?.all?.children?.[group];
    assert.ok(citus, `group ${group} in the saved file:\n${read(file)}`);
    assert.equal(citus.vars.pg_mode, mode);
    assert.deepEqual(Object.keys(citus.hosts), hosts);
    assert.ok(inv.all.children.etcd, 'the etcd group is kept');
    await wb.screenshot('snippet-inserted');
  },
};

/** @type {Scenario} */
const outline = {
  name: 'outline',
  title: 'outline: the clusters and their hosts in the Outline view',
  async run({ wb, shot }) {
    const { file, groups, hosts } = expected.outline;
    await wb.openFile(file);
    await wb.command('Explorer: Focus on Outline View');
    const tree = wb.page.locator('.outline-pane');
    await tree.waitFor({ state: 'visible' });
    // fold the file list so that the Outline has the height of the side bar
    const folders = wb.page.locator('.pane-header[aria-expanded="true"]', { hasText: /^workspace/i });
    if (await folders.isVisible()) await folders.click();
    for (const { name, detail } of [...groups, ...hosts]) {
      const row = tree.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
      await row.waitFor({ state: 'visible' });
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      assert.match(text, typeof detail === 'string' ? new RegExp(detail) : detail, `Outline row of ${name}: ${text}`);
    }
    await shot();
  },
};

/** @type {Scenario} */
const outlineLimit = {
  name: 'outline-limit',
  title: 'outline limit: above pigsty.outline.maxItems the Outline lists the groups alone, and the status bar says so',
  async run({ wb, shot }) {
    const { file, maxItems, groups, hosts, status } = expected.outlineLimit;
    const setting = 'pigsty.outline.maxItems';
    await wb.setNumberSetting(setting, maxItems);
    try {
      await wb.openFile(file);
      await wb.command('Explorer: Focus on Outline View');
      /** the Outline's names, and whether the status bar says the outline is cut */
      const seen = () => wb.page.evaluate((want) => ({
        names: [...document.querySelectorAll('.outline-pane .monaco-list-row .label-name')].map((e) => e.textContent ?? ''),
        status: [...document.querySelectorAll('.statusbar-item')].some((e) => (e.textContent ?? '').includes(want)),
      }), status);
      const cut = (/** @type {{ names: string[], status: boolean }} */ s) => s.status && groups.every((g) => s.names.includes(g)) && !hosts.some((h) => s.names.includes(h));
      // the Settings editor writes the value a moment after it shows it: an outline the editor asked
      // for before that is whole, and an edit makes it ask again
      let last = await seen();
      for (let tries = 0; !cut(last) && tries < 10; tries++) {
        await wb.editorFocus();
        await wb.page.keyboard.press('End');
        await wb.page.keyboard.type(' ');
        await wb.page.keyboard.press('Control+Z');
        const deadline = Date.now() + 3000;
        while (!cut((last = await seen())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(cut(last), `Outline ${JSON.stringify(last.names)}, status bar ${last.status ? 'says' : 'does not say'} "${status}"`);
      await shot();
    } finally {
      const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
      await wb.setNumberSetting(setting, pkg.contributes.configuration.properties[setting].default);
    }
  },
};

/** @type {Scenario} */
const codeLens = {
  name: 'code-lens',
  title: 'code lens: each pg cluster shows its members and primary above its group',
  async run({ wb, shot }) {
    const { file, titles } = expected.codeLens;
    await wb.openFile(file);
    await wb.goTo(1, 1); // every lens of the file is then on screen: the editor resolves only those
    for (const title of [...titles, 'Show topology']) {
      await wb.page.locator('.codelens-decoration', { hasText: title }).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    await shot();
  },
};

/** The scenarios that run; each needs its feature in the packaged extension. */
// codeLens before quickFix, which saves the file with another primary
export const SCENARIOS = [diagnostics, codeLens, hover, completion, quickFix, promote, snippet, outline, topology, outlineLimit];
