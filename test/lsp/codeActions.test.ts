import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { LspSession, startLsp } from '../helpers/lspClient';
import { inventory } from '../helpers/ruleTester';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (p: string) => fs.readFileSync(path.join(FIXTURES, p), 'utf8');

function applyWorkspaceEdit(uri: string, text: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

describe('language server over stdio: code actions and commands', () => {
  let lsp: LspSession;
  const applied: WorkspaceEdit[] = [];
  before(async () => {
    lsp = await startLsp();
    lsp.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      applied.push(p.edit);
      return { applied: true };
    });
  });
  after(async () => {
    await lsp.close();
  });

  /** Opens, asks for the fixes of the diagnostic `code`, applies the first (or the titled one), re-validates. */
  async function fixRoundTrip(uri: string, text: string, code: string, title?: RegExp): Promise<{ out: string; after: Diagnostic[] }> {
    await lsp.open(uri, text);
    const diags = await lsp.diagnostics(uri, 1);
    const diag = diags.find((d) => d.code === code);
    assert.ok(diag, `no ${code} in ${diags.map((d) => d.code).join(', ')}`);
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    });
    const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred) ?? actions[0];
    assert.ok(action?.edit, `no quick fix for ${code}: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics?.map((d) => d.code), [code]);
    const out = applyWorkspaceEdit(uri, text, action.edit);
    await lsp.change(uri, 2, [{ text: out }]);
    const afterDiags = await lsp.diagnostics(uri, 2);
    assert.ok(!afterDiags.some((d) => d.code === code && d.message === diag.message), `${code} still reported`);
    const errorsBefore = diags.filter((d) => d.severity === 1 && d !== diag).length;
    assert.ok(afterDiags.filter((d) => d.severity === 1).length <= errorsBefore, `new errors: ${afterDiags.map((d) => d.message).join('\n')}`);
    return { out, after: afterDiags };
  }

  it('promote surviving node: the refactor on 10.10.10.12 yields the repaired inventory with no error', async () => {
    const uri = 'file:///work/seed/pigsty.yml';
    const text = read('seed/promote-trio.yml');
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
    const line = text.split('\n').findIndex((l) => l.includes('10.10.10.12: { pg_seq: 3'));
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    });
    const promote = actions.find((a) => a.title === 'Promote 10.10.10.12 as the surviving node of pg-meta');
    assert.ok(promote?.edit, actions.map((a) => a.title).join(' | '));
    assert.equal(promote.kind, 'refactor.rewrite');
    assert.ok(actions.some((a) => a.command?.command === 'pigsty.promoteSurvivor'));
    const out = applyWorkspaceEdit(uri, text, promote.edit);
    assert.deepEqual(parse(out, { version: '1.1' }), parse(read('seed/promote-trio.repaired.yml'), { version: '1.1' }));
    await lsp.change(uri, 2, [{ text: out }]);
    assert.deepEqual((await lsp.diagnostics(uri, 2)).filter((d) => d.severity === 1), []);
  });

  it('promote surviving node: the server command applies the edit through workspace/applyEdit', async () => {
    const uri = 'file:///work/seed2/pigsty.yml';
    const text = read('seed/promote-trio.yml');
    await lsp.open(uri, text);
    const at = await lsp.request<{ cluster: string; host: string }>('workspace/executeCommand', {
      command: 'pigsty.server.clusterAt',
      arguments: [{ uri, offset: text.indexOf('10.10.10.12: { pg_seq') }],
    });
    assert.deepEqual([at.cluster, at.host], ['pg-meta', '10.10.10.12']);
    const reply = await lsp.request<{ applied: boolean; changes: string[] }>('workspace/executeCommand', {
      command: 'pigsty.server.promoteSurvivor',
      arguments: [{ uri, survivor: '10.10.10.12', failed: ['10.10.10.10', '10.10.10.11'] }],
    });
    assert.equal(reply.applied, true);
    assert.ok(reply.changes.includes('set admin_ip: 10.10.10.12 (was 10.10.10.10)'));
    const out = applyWorkspaceEdit(uri, text, applied[applied.length - 1]);
    assert.deepEqual(parse(out, { version: '1.1' }), parse(read('seed/promote-trio.repaired.yml'), { version: '1.1' }));
    const bad = await lsp.request<{ error?: string }>('workspace/executeCommand', { command: 'pigsty.server.promoteSurvivor', arguments: [{ uri, survivor: '10.9.9.9' }] });
    assert.match(bad.error ?? '', /not a member/);
  });

  it('runbook command returns the Markdown for the cluster', async () => {
    const uri = 'file:///work/seed3/pigsty.yml';
    await lsp.open(uri, read('seed/promote-trio.yml'));
    const reply = await lsp.request<{ markdown: string }>('workspace/executeCommand', {
      command: 'pigsty.server.runbook',
      arguments: [{ uri, cluster: 'pg-meta', survivor: '10.10.10.12' }],
    });
    assert.match(reply.markdown, /^# Recovery runbook: `pg-meta`/);
    assert.ok(reply.markdown.includes('    server pg-meta-3 10.10.10.12:6432 check port 8008 weight 100'));
  });

  it('new Citus cluster command inserts a group that lints clean', async () => {
    const uri = 'file:///work/citus/pigsty.yml';
    const text = inventory(`
      pg-meta:
        hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-meta }
    `);
    await lsp.open(uri, text);
    const n = applied.length;
    const reply = await lsp.request<{ applied: boolean }>('workspace/executeCommand', {
      command: 'pigsty.server.newCitusCluster',
      arguments: [{ uri, options: { shard: 'pg-citus', workers: 2, replicas: 1, firstIp: '10.10.10.20', vipStart: '10.10.10.60', interface: 'eth1' } }],
    });
    assert.equal(reply.applied, true);
    const out = applyWorkspaceEdit(uri, text, applied[n]);
    await lsp.change(uri, 2, [{ text: out }]);
    assert.deepEqual((await lsp.diagnostics(uri, 2)).filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.message), []);
  });

  it('quick fixes clear their diagnostics: pg_seq, primary, role', async () => {
    const text = read('identity/broken.yml');
    const a = await fixRoundTrip('file:///work/qf1/conf/broken.yml', text, 'identity/pg-seq');
    assert.match(a.out, /10\.10\.10\.11: \{ pg_seq: 4, pg_role: replica \}/);
    await fixRoundTrip('file:///work/qf2/conf/broken.yml', text, 'identity/primary-count', /Make 10\.10\.10\.12 the primary/);
    const c = await fixRoundTrip('file:///work/qf3/conf/broken.yml', text, 'identity/pg-role');
    assert.match(c.out, /pg_seq: 1, pg_role: primary \}\n {8}db-host-1/);
  });

  it('quick fixes clear their diagnostics: VIP prefix, misspelled parameter, default password', async () => {
    const vip = inventory(`
      pg-test:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
        vars: { pg_cluster: pg-test, pg_vip_enabled: true, pg_vip_address: 10.10.10.3, pg_vip_interface: eth1 }
    `);
    assert.match((await fixRoundTrip('file:///work/qf4/pigsty.yml', vip, 'vip/prefix-missing')).out, /pg_vip_address: 10\.10\.10\.3\/24,/);
    const typo = vip.replace('pg_vip_address: 10.10.10.3,', 'pg_vip_adress: 10.10.10.3/24,');
    assert.match((await fixRoundTrip('file:///work/qf5/pigsty.yml', typo, 'params/unknown')).out, /pg_vip_address: 10\.10\.10\.3\/24/);
    const pw = vip.replace('    version: v4.5.0\n', '    version: v4.5.0\n    patroni_password: Patroni.API\n');
    assert.match((await fixRoundTrip('file:///work/qf6/pigsty.yml', pw, 'secrets/default-password')).out, /patroni_password: [A-Za-z][A-Za-z0-9]{23}\n/);
  });

  it('the source action replaces every default password', async () => {
    const uri = 'file:///work/src/pigsty.yml';
    const text = inventory('', `
      patroni_password: Patroni.API
      pg_admin_password: DBUser.DBA
      grafana_view_password: DBUser.Viewer
    `);
    await lsp.open(uri, text);
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const all = actions.find((a) => a.kind === 'source.pigsty.replacePasswords');
    assert.ok(all?.edit, actions.map((a) => a.title).join(' | '));
    const out = applyWorkspaceEdit(uri, text, all.edit);
    assert.ok(!/Patroni\.API|DBUser\.DBA|DBUser\.Viewer/.test(out), out);
    await lsp.change(uri, 2, [{ text: out }]);
    assert.deepEqual((await lsp.diagnostics(uri, 2)).filter((d) => d.code === 'secrets/default-password'), []);
  });
});
