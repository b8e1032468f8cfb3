// npm run bench:editor: from a keystroke to its squiggle in VS Code (code-server 4.100 + Chromium,
// the end-to-end harness), on generated inventories, with the settings that cut what VS Code asks
// for after each pause in typing at their defaults, and each lifted in turn: the cluster code lenses
// (pigsty.codeLens.clusterLimit) and the outline (pigsty.outline.maxItems); and with the topology
// view open, which draws the inventory again after each pause in typing. Each keystroke makes a `pg_role` value invalid or valid again;
// the time runs from the page's keydown to the squiggle appearing or going. Configurations take
// turns, each in a fresh code-server, and typing starts once the page is idle after opening the
// file; the table gives medians and 75th percentiles over all rounds. Needs `bash scripts/e2e-setup.sh` (code-server, Chromium) once.
//   BENCH_EDITOR_SIZES=3000,10000 BENCH_EDITOR_ROUNDS=2 BENCH_EDITOR_KEYS=12 npm run bench:editor
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { startCodeServer } from '../test/e2e/harness/codeServer.mjs';
import { openWorkbench } from '../test/e2e/harness/workbench.mjs';

const require = createRequire(import.meta.url);
const { generateInventory } = require('../out/bench/generate.js');

const SIZES = (process.env.BENCH_EDITOR_SIZES ?? '3000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_EDITOR_ROUNDS ?? 2);
const KEYS = Number(process.env.BENCH_EDITOR_KEYS ?? 12);
const CONFIGS = [
  { name: 'defaults (a lens per cluster up to 1,000 clusters, outline up to 10,000 entries)', settings: {} },
  { name: 'a lens per cluster', settings: { 'pigsty.codeLens.clusterLimit': 1_000_000 } },
  { name: 'every outline entry', settings: { 'pigsty.outline.maxItems': 10_000_000 } },
  { name: 'defaults, the topology view open beside the editor', settings: {}, topology: true },
];
const SQUIGGLE = '.editor-group-container.active .monaco-editor .squiggly-error';

/** Keystroke-to-squiggle times (ms) for `count` pairs of typed and deleted characters, with the topology view open or not. */
async function measure(clusters, settings, count, topologyOpen = false) {
  const name = `pigsty-${clusters}.yml`;
  const text = generateInventory(clusters).text;
  const cs = await startCodeServer();
  try {
    writeFileSync(path.join(cs.workspace, name), text);
    const file = path.join(cs.userDataDir, 'User', 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...settings }, null, 2));
    const wb = await openWorkbench(cs.url, cs.workspace);
    try {
      await wb.openFile(name);
      if (topologyOpen) {
        // a summary line is drawn first, whether the clusters or (above 1,500 hosts) a list of them follow
        await wb.command('Pigsty: Show topology');
        const view = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
        await view.locator('.summary').first().waitFor({ state: 'visible', timeout: 180_000 });
      }
      // the topology lens comes once the first analysis is done; then the editor still tokenizes and
      // lays out a long file for a while: typing starts once the page has had no long task for 3 s
      await wb.page.locator('.codelens-decoration', { hasText: /Show topology/ }).first().waitFor({ state: 'visible', timeout: 180_000 });
      await wb.page.evaluate(() => {
        window.__lastLongTask = performance.now();
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__lastLongTask = Math.max(window.__lastLongTask, e.startTime + e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await wb.page.waitForFunction(() => performance.now() - window.__lastLongTask > 3000, null, { timeout: 180_000, polling: 250 });
      const lines = text.split('\n');
      const places = lines.flatMap((l, i) => (l.includes('pg_role: replica') ? [{ line: i + 1, column: l.indexOf('pg_role: replica') + 'pg_role: replica'.length + 1 }] : []));
      await wb.page.evaluate((sel) => {
        const state = { key: 0, changes: [] };
        window.__keyToSquiggle = state;
        document.addEventListener('keydown', () => { state.key = performance.now(); }, true);
        let last = document.querySelectorAll(sel).length;
        new MutationObserver(() => {
          const n = document.querySelectorAll(sel).length;
          if (n !== last) state.changes.push([performance.now(), (last = n)]);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      }, SQUIGGLE);
      const times = [];
      for (let i = 0; i < count + 1; i++) {
        const at = places[Math.floor(((i + 1) * places.length) / (count + 3))];
        await wb.goTo(at.line, at.column);
        for (const [key, squiggle] of [['x', true], ['Backspace', false]]) {
          await wb.page.evaluate(() => { window.__keyToSquiggle.changes = []; });
          await wb.page.keyboard.press(key);
          const ms = await wb.page.waitForFunction((want) => {
            const s = window.__keyToSquiggle;
            const hit = s.changes.find(([, n]) => (want ? n > 0 : n === 0));
            return hit ? hit[0] - s.key : false;
          }, squiggle, { timeout: 30_000, polling: 10 }).then((h) => h.jsonValue());
          if (i > 0) times.push(ms); // the first pair runs the keystroke path for the first time
        }
      }
      return times;
    } finally {
      await wb.close();
    }
  } finally {
    await cs.stop();
  }
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const rows = [];
for (const clusters of SIZES) {
  const all = CONFIGS.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, config] of CONFIGS.entries()) {
      const times = await measure(clusters, config.settings, KEYS, config.topology);
      all[i].push(...times);
      console.error(`${clusters} clusters, ${config.name}, round ${round + 1}: median ${quantile(times, 0.5).toFixed(0)} ms`);
    }
  }
  for (const [i, config] of CONFIGS.entries()) {
    rows.push(`| ${clusters.toLocaleString('en')} | ${config.name} | ${all[i].length} | ${quantile(all[i], 0.5).toFixed(0)} ms | ${quantile(all[i], 0.75).toFixed(0)} ms |`);
  }
}
console.log(`Keystroke → squiggle in code-server (${ROUNDS} rounds, ${KEYS} typed and deleted characters each)\n`);
console.log('| clusters | settings | keystrokes | median | 75th percentile |\n|---:|---|---:|---:|---:|');
console.log(rows.join('\n'));
