// @ts-check
// Topology view: "Pigsty: Show topology" draws the workspace inventory beside the editor, and a
// click on a cluster moves the cursor to the line that defines it.
// Registered in ../scenarios.mjs (SCENARIOS); same Ctx as the other scenarios.
import * as assert from 'node:assert/strict';
import { position } from '../scenarios.mjs';

const FILE = 'pigsty.yml';
const CLUSTER = 'pg-test';
/** A role typed while the view is hidden, and another file to hide it with. */
const HIDDEN_EDIT = { ip: '10.10.10.22', before: 'replica', after: 'offline', other: 'conf/citus.yml' };

/** The webview's document: code-server nests it in two iframes. @param {import('playwright-core').Page} page */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** @type {import('../scenarios.mjs').Scenario} */
export const topology = {
  name: 'topology',
  title: 'topology: "Pigsty: Show topology" draws the clusters beside the editor; clicking one reveals its line',
  async run({ wb, read, shot }) {
    await wb.openFile(FILE);
    await wb.command('Pigsty: Show topology');
    await wb.page.locator('.tabs-container .tab', { hasText: `Topology: ${FILE}` }).waitFor({ state: 'visible' });
    const view = webview(wb.page);
    const title = view.locator(`[data-cluster="pgsql/${CLUSTER}"] .cluster-title`);
    await title.waitFor({ state: 'visible', timeout: 60_000 });
    for (const name of ['infra', 'etcd', 'pg-meta', CLUSTER]) {
      await view.locator('.cluster-title .name', { hasText: new RegExp(`^${name}$`) }).first().waitFor({ state: 'visible' });
    }
    await shot();
    // the cluster is defined by its group key (`pg-test:`): the click puts the cursor there
    const at = position(read(FILE), `${CLUSTER}:`);
    assert.equal(await title.getAttribute('data-line'), String(at.line - 1));
    await title.click();
    await wb.page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${at.line}, Col ${at.column}` }).waitFor({ state: 'visible' });
    await wb.screenshot('topology-revealed');

    // hidden behind another editor, the view skips the redraws; shown again, it draws the current text
    const member = view.locator('[data-cluster="pgsql/pg-test"] .member', { hasText: HIDDEN_EDIT.ip }).locator('.detail');
    await member.filter({ hasText: HIDDEN_EDIT.before }).waitFor({ state: 'visible' });
    const tab = wb.page.locator('.tabs-container .tab', { hasText: `Topology: ${FILE}` });
    await tab.click();
    await wb.openFile(HIDDEN_EDIT.other); // opens in the view's group, on top of it
    await wb.page.keyboard.press('Control+1'); // back to the inventory's editor
    const role = position(read(FILE), `${HIDDEN_EDIT.ip}: { pg_seq: 2, pg_role: ${HIDDEN_EDIT.before}`);
    await wb.goTo(role.line, role.column + `${HIDDEN_EDIT.ip}: { pg_seq: 2, pg_role: `.length);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type(`${HIDDEN_EDIT.after} }`);
    await new Promise((r) => setTimeout(r, 2500)); // past any redraw the edit would have asked for
    await tab.click();
    await member.filter({ hasText: HIDDEN_EDIT.after }).waitFor({ state: 'visible' });
    await wb.screenshot('topology-shown-again');
    // the inventory as on disk again for the scenarios after this one: undo presses could reach the
    // editor before its focus did (a CI run was left with the edit after 20 of them)
    await wb.page.keyboard.press('Control+1');
    await wb.editorFocus();
    await wb.command('File: Revert File');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  },
};
