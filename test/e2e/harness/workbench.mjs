// @ts-check
// Drives the VS Code workbench in Debian's Chromium the way a person does: keyboard shortcuts,
// the command palette, and what is visible on screen. Every wait polls for a UI state with a
// timeout; nothing sleeps for a fixed time.
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, RESULTS } from './paths.mjs';

const TIMEOUT = 30_000;
/** One try of a quick input: it shows its rows in well under a second when it keeps the focus. */
const PICK_TIMEOUT = 10_000;

/** @param {string} url @param {string} folder */
export async function openWorkbench(url, folder) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`bash scripts/e2e-setup.sh\` (installs Debian's chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90_000 });
    return new Workbench(browser, page);
  } catch (err) {
    await browser.close();
    throw err;
  }
}

export class Workbench {
  /** @param {import('playwright-core').Browser} browser @param {import('playwright-core').Page} page */
  constructor(browser, page) {
    this.browser = browser;
    this.page = page;
  }

  async close() {
    await this.browser.close();
  }

  /** @param {string} name */
  async screenshot(name) {
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' }); // fade-ins finished
    return file;
  }

  /**
   * Screenshot of a transient widget (hover, suggest list, action menu). A layout change (a code
   * lens arriving, diagnostics re-rendering) closes such widgets, so show it again until one
   * picture is taken while it is still open.
   * @param {string} name @param {() => Promise<import('playwright-core').Locator>} show
   */
  async shootWhileVisible(name, show) {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const widget = await show();
      const file = await this.screenshot(name);
      if (await widget.isVisible()) return { widget, file };
      if (Date.now() > deadline) throw new Error(`${name}: the widget closed before every screenshot for ${TIMEOUT / 1000} s`);
    }
  }

  /** The command palette: runs a command by its title. @param {string} title */
  async command(title) {
    await this.pick('F1', `>${title}`, this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first());
  }

  /**
   * Opens a quick input with `key`, types `text` and clicks `row`. A webview focuses itself a moment
   * after its tab is clicked, and a quick input that loses the focus closes, keeping its rows hidden
   * (one CI run waited 30 s on such a row): then the quick input is opened again, up to three times.
   * @param {string} key @param {string} text @param {import('playwright-core').Locator} row
   */
  async pick(key, text, row) {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press(key);
        await input.waitFor({ state: 'visible', timeout: PICK_TIMEOUT });
        await input.fill(text, { timeout: PICK_TIMEOUT });
        await row.click({ timeout: PICK_TIMEOUT });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        console.log(`# quick input for ${JSON.stringify(text)}: attempt ${attempt} failed (${String(err).split('\n')[0]}); again`);
        if (await widget.isVisible()) await this.page.keyboard.press('Escape');
      }
    }
    await widget.waitFor({ state: 'hidden' }); // outside the tries: the row was clicked, once
  }

  /**
   * Sets a number setting in the Settings editor, as a person does (VS Code does not notice the
   * settings file changing under it here). @param {string} id @param {number} value
   */
  async setNumberSetting(id, value) {
    await this.command('Preferences: Open User Settings');
    // the search box has the focus and may keep an earlier search
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(id);
    // the list is drawn again for the search: only then is the setting's input the one to fill
    await this.page.locator('.settings-editor', { hasText: '1 Setting Found' }).waitFor({ state: 'visible' });
    const input = this.page.locator('.settings-editor .setting-item-number input').first();
    await input.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(String(value));
    await this.page.keyboard.press('Tab');
    await this.page.waitForFunction(([sel, want]) => /** @type {HTMLInputElement | null} */ (document.querySelector(sel))?.value === want, ['.settings-editor .setting-item-number input', String(value)]);
  }

  /** Quick Open (Ctrl+P) a workspace file by its relative path, and wait for its editor. @param {string} rel */
  async openFile(rel) {
    const base = path.basename(rel);
    const dir = path.dirname(rel);
    let row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: base });
    if (dir !== '.') row = row.filter({ hasText: dir });
    await this.pick('Control+P', rel, row.first());
    // by the file's own name: a webview tab can name it too (the topology view follows the active inventory)
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${base}"]`).waitFor({ state: 'visible' });
    await this.editorFocus();
  }

  async editorFocus() {
    await this.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  }

  /** Go to Line/Column (Ctrl+G): 1-based like the status bar. @param {number} line @param {number} column */
  async goTo(line, column) {
    await this.editorFocus();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator(`.statusbar-item[id="status.editor.selection"]`, { hasText: `Ln ${line}, Col ${column}` }).waitFor({ state: 'visible' });
  }

  /** Counts visible squiggles of a kind in the active editor, waiting until there are at least `min`. */
  async waitForSquiggles(/** @type {'error'|'warning'} */ kind, /** @type {number} */ min) {
    const squiggles = this.page.locator(`.editor-group-container.active .monaco-editor .squiggly-${kind}`);
    await this.page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(/** @type {string} */ (sel)).length >= /** @type {number} */ (n),
      [`.editor-group-container.active .monaco-editor .squiggly-${kind}`, min], { timeout: 60_000 });
    return squiggles.count();
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and waits until it shows each expected text; returns its rows, one line each. @param {(string|RegExp)[]} texts */
  async problems(texts) {
    await this.page.keyboard.press('Control+Shift+M');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    for (const text of texts) {
      await panel.locator('.monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    return (await panel.locator('.monaco-list-row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
  }

  /** Shows the hover at a position (keyboard: Ctrl+K Ctrl+I) and returns it once it contains `expect`. */
  async hoverAt(/** @type {number} */ line, /** @type {number} */ column, /** @type {string|RegExp} */ expect) {
    await this.goTo(line, column);
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover', { hasText: expect }).first();
    await hover.waitFor({ state: 'visible' });
    return hover;
  }

  /** Opens the suggest list (Ctrl+Space) and returns its row with the label, once visible. @param {string|RegExp} label */
  async suggest(label) {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible' });
    const row = widget.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor({ state: 'visible' });
    return row;
  }

  /** Opens the quick-fix/refactor menu (Ctrl+.) and picks the action with the title. @param {string|RegExp} title */
  async codeAction(title, timeoutMs = 45_000) {
    const item = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    const deadline = Date.now() + timeoutMs;
    // as a person would: when a busy machine answers "No code actions available", ask again
    for (;;) {
      await this.page.keyboard.press('Control+.');
      try {
        await item.waitFor({ state: 'visible', timeout: 5_000 });
        return item;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      await this.page.keyboard.press('Escape');
    }
  }

  /** Moves the focus in the open action menu to the item, with the arrow keys, and applies it (Enter). @param {import('playwright-core').Locator} item */
  async applyAction(item) {
    const label = await item.getAttribute('aria-label');
    const size = Number(await item.getAttribute('aria-setsize')) || 20;
    for (let i = 0; i <= size && !(await item.evaluate((el) => el.classList.contains('focused'))); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await item.evaluate((el) => el.classList.contains('focused')))) throw new Error(`could not move the focus to the action "${label}"`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
  }

  /** Closes whatever a failed scenario may have left open (menus, pickers, hovers). */
  async reset() {
    for (const sel of ['.action-widget', '.quick-input-widget', '.editor-widget.suggest-widget.visible']) {
      const widget = this.page.locator(sel);
      if (await widget.isVisible()) {
        await this.page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden' });
      }
    }
  }

  /** Saves the active editor (Ctrl+S) once it has unsaved changes, and waits until it is saved. */
  async save() {
    const dirty = this.page.locator('.tabs-container .tab.active.dirty');
    await dirty.waitFor({ state: 'visible' }); // the edit being saved has reached the editor
    await this.editorFocus();
    await this.page.keyboard.press('Control+S');
    await dirty.waitFor({ state: 'detached' });
  }
}
