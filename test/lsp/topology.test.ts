import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver';
import type { TopologyResponse, UnchangedTopology } from '../../server/src/topology/protocol';
import { LspSession, startLsp } from '../helpers/lspClient';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/topology/citus-4node.yml');

describe('language server over stdio: topology', () => {
  let lsp: LspSession;
  const uri = 'file:///work/conf/citus-4node.yml';
  const text = fs.readFileSync(FIXTURE, 'utf8');
  before(async () => {
    lsp = await startLsp();
    await lsp.open(uri, text);
  });
  after(async () => {
    await lsp.close();
  });

  it('answers pigsty/topology with the model and the line of each cluster and member', async () => {
    const r = await lsp.request<TopologyResponse>('pigsty/topology', { textDocument: { uri } });
    assert.equal(r.version, 1);
    assert.equal(r.isInventory, true);
    const c0 = r.model.clusters.find((c) => c.id === 'pgsql/pg-citus0')!;
    const col = text.split('\n')[11].indexOf('pg_cluster: pg-citus0') + 'pg_cluster: '.length;
    assert.deepEqual(c0.span, { start: { line: 11, character: col }, end: { line: 11, character: col + 'pg-citus0'.length } });
    assert.deepEqual(c0.members.map((m) => m.span.start.line), [11, 12]);
    assert.equal(r.model.clusters.find((c) => c.id === 'etcd/etcd')!.span.start.line, 7);
    assert.deepEqual(r.model.citusShards[0].workers, ['pgsql/pg-citus1', 'pgsql/pg-citus2']);
  });

  it('follows edits: a second primary makes that host an error in the next answer', async () => {
    await lsp.change(uri, 2, [{ range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } }, text: text.split('\n')[12].replace('replica', 'primary') + '\n' }]);
    const r = await lsp.request<TopologyResponse>('pigsty/topology', { textDocument: { uri } });
    assert.equal(r.version, 2);
    const host = r.model.hosts.find((h) => h.ip === '10.10.10.11')!;
    assert.equal(host.worst, 'error');
    assert.equal(host.problems[0].code, 'identity/primary-count');
    assert.equal(host.problems[0].span.start.line, 12);
  });

  it('leaves the model out when the view draws the same topology already', async () => {
    const other = 'file:///work/conf/unchanged.yml';
    const topology = (shown?: number) => lsp.request<TopologyResponse | UnchangedTopology>('pigsty/topology', { textDocument: { uri: other }, shown });
    await lsp.open(other, text);
    const first = await topology();
    assert.ok('model' in first && first.version === 1);
    assert.deepEqual(await topology(1), { uri: other, version: 1, unchanged: true });
    // a comment typed at the end of a line changes no cluster, member or place
    const line = text.split('\n')[12];
    await lsp.change(other, 2, [{ range: { start: { line: 12, character: line.length }, end: { line: 12, character: line.length } }, text: ' # the second one' }]);
    assert.deepEqual(await topology(1), { uri: other, version: 2, unchanged: true });
    // a view that draws another version than the last answer gets the model
    assert.ok('model' in (await topology(1)));
    // a second primary changes the topology
    await lsp.change(other, 3, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: line.length } }, text: line.replace('replica', 'primary') }]);
    const changed = await topology(2);
    assert.ok('model' in changed && changed.version === 3, JSON.stringify(changed).slice(0, 200));
    assert.equal(changed.model.hosts.find((h) => h.ip === '10.10.10.11')!.worst, 'error');
    assert.deepEqual(await topology(3), { uri: other, version: 3, unchanged: true });
  });

  it('answers null for a document it does not have', async () => {
    assert.equal(await lsp.request('pigsty/topology', { textDocument: { uri: 'file:///nowhere.yml' } }), null);
  });

  it('puts a "Show topology" lens above `all:`', async () => {
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const lens = lenses.find((l) => l.command?.command === 'pigsty.showTopology');
    assert.ok(lens, JSON.stringify(lenses));
    assert.equal(lens.range.start.line, 4);
    assert.equal(lens.command!.title, 'Show topology');
    assert.deepEqual(lens.command!.arguments, [uri]);
  });
});
