// @ts-check
// The end-to-end scenarios of test/e2e/scenarios.mjs, run inside VS Code through its API (the
// test-electron variant; see ../.vscode-test.mjs). Same fixture workspace, same expectations.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const expected = require('../../e2e/expected.cjs');
const pkg = require('../../../package.json');

/** Polls `probe` until it returns a value, or fails after `ms` with `what`. */
async function waitFor(/** @type {() => any} */ probe, /** @type {string} */ what, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function fileUri(/** @type {string} */ rel) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

async function open(/** @type {string} */ rel) {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc);
}

suite('Pigsty extension in VS Code (test-electron)', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(`${pkg.publisher}.${pkg.name}`);
    assert.ok(ext, 'the extension under development is not loaded');
  });

  test('diagnostics: the expected errors on their lines', async () => {
    const { file, items } = expected.diagnostics;
    const editor = await open(file);
    const uri = editor.document.uri;
    // errors only: other rules may add warnings or hints to the same fixture
    /** @type {vscode.Diagnostic[]} */
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length >= items.length ? d : undefined;
    }, `${items.length} errors on ${file}`);
    const codeOf = (/** @type {vscode.Diagnostic} */ d) => (typeof d.code === 'object' ? d.code.value : d.code);
    assert.deepEqual(
      diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}:${codeOf(d)}`),
      items.map((d) => `${d.line}:${d.column}:${d.code}`),
    );
    diags.forEach((d, i) => {
      assert.equal(d.source, 'pigsty');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, items[i].message);
    });
  });
});
