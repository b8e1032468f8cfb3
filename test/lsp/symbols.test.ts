import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentSymbol } from 'vscode-languageserver';
import { LspSession, startLsp } from '../helpers/lspClient';

const trio = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed/promote-trio.yml'), 'utf8');

describe('language server over stdio: outline and code lens', () => {
  let lsp: LspSession;
  const uri = 'file:///work/outline/pigsty.yml';
  before(async () => {
    lsp = await startLsp();
    await lsp.open(uri, trio);
    await lsp.diagnostics(uri, 1);
  });
  after(async () => {
    await lsp.close();
  });

  it('lists groups and hosts with module and role', async () => {
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => `${s.name}: ${s.detail}`), ['infra: infra · 3 hosts', 'etcd: etcd · 3 hosts', 'pg-meta: pgsql · 3 hosts']);
    const pg = symbols[2];
    assert.deepEqual(pg.children!.map((h) => `${h.name}: ${h.detail}`), [
      '10.10.10.10: primary · pg-meta-1',
      '10.10.10.11: replica · pg-meta-2',
      '10.10.10.12: replica · pg-meta-3',
    ]);
    assert.equal(pg.selectionRange.start.line, trio.split('\n').findIndex((l) => l.startsWith('    pg-meta:')));
    assert.equal(symbols[1].children![2].detail, 'etcd · etcd-3');
  });

  it('follows edits: a line added above a group moves it, a role typed in it changes its host', async () => {
    const edited = 'file:///work/outline/edited.yml';
    const text = fs.readFileSync(path.resolve(__dirname, '../../../test/e2e/workspace/pigsty.yml'), 'utf8');
    const lines = text.split('\n');
    const outline = () => lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: edited } });
    await lsp.open(edited, text);
    await lsp.diagnostics(edited, 1);
    const before = await outline();
    assert.deepEqual(before.map((s) => s.name), ['infra', 'etcd', 'pg-meta', 'pg-test']);
    // a comment line inside pg-meta: pg-test, whose hosts are not pg-meta's, moves down one line
    const metaHosts = lines.findIndex((l) => l.startsWith('    pg-meta:')) + 1;
    await lsp.change(edited, 2, [{ range: { start: { line: metaHosts, character: 0 }, end: { line: metaHosts, character: 0 } }, text: '      # a note\n' }]);
    await lsp.diagnostics(edited, 2);
    const moved = await outline();
    assert.equal(moved[3].selectionRange.start.line, before[3].selectionRange.start.line + 1);
    assert.deepEqual(moved[3].children!.map((h) => h.range.start.line), before[3].children!.map((h) => h.range.start.line + 1));
    assert.equal(moved[0].range.start.line, before[0].range.start.line);
    // pg-test's first host: pg_role master -> replica
    const at = lines.findIndex((l) => l.includes('10.10.10.21:')) + 1;
    const col = lines[at - 1].indexOf('master');
    await lsp.change(edited, 3, [{ range: { start: { line: at, character: col }, end: { line: at, character: col + 'master'.length } }, text: 'replica' }]);
    await lsp.diagnostics(edited, 3);
    const typed = await outline();
    assert.equal(typed[3].children![0].detail, 'replica · pg-test-1');
    assert.deepEqual(typed.slice(0, 3), moved.slice(0, 3));
  });

  it('shows a lens above the pg cluster, titled when resolved, that opens its runbook', async () => {
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const unresolved = lenses.find((l) => (l.data as { cluster?: string } | undefined)?.cluster === 'pg-meta');
    assert.ok(unresolved, JSON.stringify(lenses));
    assert.equal(unresolved.command, undefined);
    assert.equal(unresolved.range.start.line, trio.split('\n').findIndex((l) => l.startsWith('    pg-meta:')));
    const lens = await lsp.request<CodeLens>('codeLens/resolve', unresolved);
    assert.equal(lens.command!.title, '3 members · primary 10.10.10.10 · VIP 10.10.10.2/24');
    assert.equal(lens.command!.command, 'pigsty.showRunbook');
    assert.deepEqual(lens.command!.arguments, [uri, 'pg-meta']);
    assert.deepEqual(lens.range, unresolved.range);
  });

  it('a lens resolved after its cluster was renamed names the cluster it was made for', async () => {
    const renamed = 'file:///work/outline/renamed.yml';
    await lsp.open(renamed, trio);
    await lsp.diagnostics(renamed, 1);
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: renamed } });
    const unresolved = lenses.find((l) => (l.data as { cluster?: string } | undefined)?.cluster === 'pg-meta')!;
    await lsp.change(renamed, 2, [{ text: trio.replace(/pg_cluster: pg-meta/g, 'pg_cluster: pg-main') }]);
    await lsp.diagnostics(renamed, 2);
    const lens = await lsp.request<CodeLens>('codeLens/resolve', unresolved);
    assert.equal(lens.command!.title, 'pg-meta');
    const fresh = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: renamed } });
    assert.deepEqual(fresh.map((l) => (l.data as { cluster?: string } | undefined)?.cluster).filter(Boolean), ['pg-main']);
  });
});

describe('language server over stdio: cluster lenses above pigsty.codeLens.clusterLimit', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../test/e2e/workspace/pigsty.yml'), 'utf8');
  const uri = 'file:///work/limit/pigsty.yml';
  const clustersOf = (lenses: CodeLens[]) => lenses.map((l) => (l.data as { cluster?: string } | undefined)?.cluster).filter(Boolean);
  const topologyTitle = (lenses: CodeLens[]) => lenses.find((l) => l.command?.command === 'pigsty.showTopology')?.command?.title;
  let lsp: LspSession;
  after(async () => {
    await lsp.close();
  });

  it('leaves the cluster lenses out when the inventory has more clusters, and the topology lens says why', async () => {
    lsp = await startLsp({ initializationOptions: { settings: { codeLens: { clusterLimit: 1 } } } });
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(clustersOf(lenses), []);
    assert.equal(topologyTitle(lenses), 'Show topology · no lens per cluster: 2 clusters, more than pigsty.codeLens.clusterLimit (1)');
  });

  it('says so in Chinese to a Chinese editor', async () => {
    const zh = await startLsp({ locale: 'zh-cn', initializationOptions: { settings: { codeLens: { clusterLimit: 1 } } } });
    try {
      await zh.open(uri, text);
      await zh.diagnostics(uri, 1);
      const lenses = await zh.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(topologyTitle(lenses), '显示拓扑图 · 未显示各集群的 CodeLens：2 个集群，超过 pigsty.codeLens.clusterLimit（1）');
    } finally {
      await zh.close();
    }
  });

  it('a new limit asks the editor for the lenses again, which then come back', async () => {
    assert.equal(lsp.codeLensRefreshes(), 0);
    await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pigsty: { codeLens: { clusterLimit: 2 } } } });
    const deadline = Date.now() + 5000;
    while (lsp.codeLensRefreshes() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(lsp.codeLensRefreshes(), 1);
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(clustersOf(lenses), ['pg-meta', 'pg-test']);
    assert.equal(topologyTitle(lenses), 'Show topology');
  });
});

describe('language server over stdio: the outline above pigsty.outline.maxItems', () => {
  // 4 groups (infra, etcd, pg-meta, pg-test) and 6 hosts
  const text = fs.readFileSync(path.resolve(__dirname, '../../../test/e2e/workspace/pigsty.yml'), 'utf8');
  const uri = 'file:///work/outline-limit/pigsty.yml';
  const NOTE = 'pigsty/outlineLimit';
  const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  let lsp: LspSession;
  const outline = () => lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  before(async () => {
    lsp = await startLsp({ initializationOptions: { settings: { outline: { maxItems: 5 } } } });
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
  });
  after(async () => {
    await lsp.close();
  });

  it('lists the groups without their hosts when both do not fit, and tells the client once', async () => {
    const symbols = await outline();
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, 'children' in s]), [
      ['infra', 'infra · 1 host', false], ['etcd', 'etcd · 1 host', false], ['pg-meta', 'pgsql · 2 hosts', false], ['pg-test', 'pgsql · 2 hosts', false],
    ]);
    assert.deepEqual(lsp.notified(NOTE), [{ uri, listed: 4, total: 10, limit: 5 }]);
    await outline();
    assert.equal(lsp.notified(NOTE).length, 1);
  });

  it('a new limit applies to the next outline; the client hears when nothing is cut any more', async () => {
    await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pigsty: { outline: { maxItems: 3 } } } });
    let symbols = await outline();
    assert.deepEqual(symbols.map((s) => s.name), ['infra', 'etcd', 'pg-meta']);
    assert.deepEqual(lsp.notified(NOTE).at(-1), { uri, listed: 3, total: 10, limit: 3 });
    await lsp.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pigsty: { outline: { maxItems: 10 } } } });
    symbols = await outline();
    assert.equal(count(symbols), 10);
    assert.deepEqual(symbols[3].children!.map((h) => h.name), ['10.10.10.21', '10.10.10.22']);
    assert.deepEqual(lsp.notified(NOTE).at(-1), { uri, listed: 10, total: 10, limit: 10 });
    assert.equal(lsp.notified(NOTE).length, 3);
  });
});
