// @ts-check
// The end-to-end scenarios of test/e2e/scenarios.mjs, run inside VS Code through its API (the
// test-electron variant; see ../.vscode-test.mjs). Same fixture workspace, same expectations.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { parse } = require('yaml');
const expected = require('../../e2e/expected.cjs');
const pkg = require('../../../package.json');

const REPO = path.resolve(__dirname, '../../..');

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

/** 0-based position of the n-th occurrence of `needle`. */
function positionOf(/** @type {vscode.TextDocument} */ doc, /** @type {string} */ needle) {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `fixture has no ${JSON.stringify(needle)}`);
  return doc.positionAt(at);
}

async function errorsOf(/** @type {vscode.Uri} */ uri, /** @type {number} */ atLeast) {
  /** @type {vscode.Diagnostic[]} */
  const diags = await waitFor(() => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
    return d.length >= atLeast ? d : undefined;
  }, `${atLeast} errors on ${uri.fsPath}`);
  return diags;
}

/** @returns {Promise<vscode.CodeAction>} */
async function actionTitled(/** @type {vscode.Uri} */ uri, /** @type {vscode.Position} */ at, /** @type {string} */ title) {
  return waitFor(async () => {
    /** @type {vscode.CodeAction[]} */
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    return actions.find((a) => a.title === title);
  }, `the code action "${title}"`);
}

/** A completion item at the cursor whose label is `label`. @returns {Promise<vscode.CompletionItem>} */
async function completionItem(/** @type {vscode.TextEditor} */ editor, /** @type {string} */ label) {
  const labelOf = (/** @type {vscode.CompletionItem} */ i) => (typeof i.label === 'string' ? i.label : i.label.label);
  return waitFor(async () => {
    /** @type {vscode.CompletionList} */
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    return list.items.find((i) => labelOf(i) === label);
  }, `the completion item ${label}`);
}

/** Accepts a completion item as the editor would: its range (or the word before the cursor) replaced by its text. */
async function accept(/** @type {vscode.TextEditor} */ editor, /** @type {vscode.CompletionItem} */ item) {
  const range = item.range instanceof vscode.Range ? item.range
    : item.range?.replacing ?? editor.document.getWordRangeAtPosition(editor.selection.active, /[\w-]+/) ?? new vscode.Range(editor.selection.active, editor.selection.active);
  const text = item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label);
  const snippet = text instanceof vscode.SnippetString ? text : new vscode.SnippetString(text.replace(/\$/g, '\\$'));
  assert.ok(await editor.insertSnippet(snippet, range), 'the editor refused the completion');
}

/** Types a new line after the line `after`, with `indent` and `text`, and leaves the cursor at its end. */
async function typeLineAfter(/** @type {vscode.TextEditor} */ editor, /** @type {string} */ after, /** @type {string} */ indent, /** @type {string} */ text) {
  const line = editor.document.getText().split('\n').indexOf(after);
  assert.ok(line >= 0, `fixture line ${after}`);
  const end = editor.document.lineAt(line).range.end;
  await editor.edit((b) => b.insert(end, `\n${indent}${text}`));
  const pos = editor.document.lineAt(line + 1).range.end;
  editor.selection = new vscode.Selection(pos, pos);
  return line + 1;
}

async function saveAndRead(/** @type {vscode.TextDocument} */ doc) {
  assert.ok(await doc.save(), `saving ${doc.uri.fsPath}`);
  return fs.readFileSync(doc.uri.fsPath, 'utf8');
}

suite('Pigsty extension in VS Code (test-electron)', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(`${pkg.publisher}.${pkg.name}`);
    assert.ok(ext, 'the extension under development is not loaded');
  });

  test('diagnostics: the expected errors on their lines', async () => {
    const { file, items } = expected.diagnostics;
    const editor = await open(file);
    // errors only: other rules may add warnings or hints to the same fixture
    const diags = await errorsOf(editor.document.uri, items.length);
    const codeOf = (/** @type {vscode.Diagnostic} */ d) => (typeof d.code === 'object' ? d.code.value : d.code);
    assert.deepEqual(
      diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}:${codeOf(d)}`),
      items.map((d) => `${d.line}:${d.column}:${d.code}`),
    );
    diags.forEach((d, i) => {
      assert.equal(d.source, 'pigsty');
      assert.match(d.message, items[i].message);
    });
  });

  test('hover: the explanation of a parameter on its key', async () => {
    const { file, needle, texts } = expected.hover;
    const editor = await open(file);
    const at = positionOf(editor.document, needle).translate(0, 3);
    const text = await waitFor(async () => {
      /** @type {vscode.Hover[]} */
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, at);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes(String(texts[0])) ? all.replace(/[`*]/g, '') : undefined;
    }, 'the hover');
    for (const t of texts) assert.match(text, t instanceof RegExp ? t : new RegExp(t));
  });

  test('completion: a partly typed parameter name is completed', async () => {
    const { file, after, typed, label, inserted } = expected.completion;
    const editor = await open(file);
    const line = await typeLineAfter(editor, after, '        ', typed);
    const item = await completionItem(editor, label);
    assert.match(String(item.detail), /enum = 18 · PGSQL/);
    await accept(editor, item);
    assert.match((await saveAndRead(editor.document)).split('\n')[line], inserted);
  });

  test('quick fix: "Change pg_role to primary" fixes `pg_role: master`', async () => {
    const { file, at, title, after } = expected.quickFix;
    const editor = await open(file);
    await errorsOf(editor.document.uri, expected.diagnostics.items.length);
    const action = await actionTitled(editor.document.uri, new vscode.Position(at.line - 1, at.column - 1), title);
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)), 'applying the quick fix');
    assert.equal((await saveAndRead(editor.document)).split('\n')[at.line - 1], after);
  });

  test('promote surviving node: the refactoring rewrites the inventory for the 2-of-3 failure', async () => {
    const { file, host, title, repaired, commentedOut } = expected.promote;
    const editor = await open(file);
    const action = await actionTitled(editor.document.uri, positionOf(editor.document, host), title);
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)), 'applying the refactoring');
    const saved = await saveAndRead(editor.document);
    assert.deepEqual(parse(saved, { version: '1.1' }), parse(fs.readFileSync(path.join(REPO, repaired), 'utf8'), { version: '1.1' }));
    for (const line of commentedOut) assert.ok(saved.includes(line), `${line} should be in the saved file`);
  });

  test('snippet: the Citus sandbox cluster from the suggest list', async () => {
    const { file, after, indent, prefix, group, mode, hosts } = expected.snippet;
    const editor = await open(file);
    await typeLineAfter(editor, after, indent, prefix);
    const item = await completionItem(editor, prefix);
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    await accept(editor, item);
    const inv = parse(await saveAndRead(editor.document));
    assert.equal(inv.all.children[group].vars.pg_mode, mode);
    assert.deepEqual(Object.keys(inv.all.children[group].hosts), hosts);
  });

  test('outline: the clusters and their hosts', async () => {
    const { file, groups, hosts } = expected.outline;
    const editor = await open(file);
    /** @type {vscode.DocumentSymbol[]} */
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return Array.isArray(s) && s.length ? s : undefined;
    }, 'document symbols');
    /** @type {vscode.DocumentSymbol[]} */
    const all = [];
    const walk = (/** @type {vscode.DocumentSymbol[]} */ list) => list.forEach((s) => { all.push(s); walk(s.children ?? []); });
    walk(symbols);
    for (const { name, detail } of [...groups, ...hosts]) {
      const s = all.find((x) => x.name === name);
      assert.ok(s, `no symbol ${name} in ${all.map((x) => x.name).join(', ')}`);
      assert.match(s.detail, typeof detail === 'string' ? new RegExp(detail) : detail);
    }
  });
});
