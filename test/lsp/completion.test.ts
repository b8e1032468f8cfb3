import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { LspSession, startLsp } from '../helpers/lspClient';

const BASE = [
  'all:',
  '  vars:',
  '    admin_ip: 10.10.10.10',
  '  children:',
  '    pg-test:',
  '      hosts:',
  '        10.10.10.11: { pg_seq: 1, pg_role: primary }',
  '        10.10.10.12:',
  '          pg_seq: 2',
  '          pg_role: replica',
  '          pg_upstream: ',
  '      vars:',
  '        pg_cluster: pg-test',
  '        pg_mode: ',
  '        pg_users:',
  '          - name: dbuser_meta',
  '            pass',
  '        pg_vip_',
  '',
].join('\n');

describe('language server over stdio: completion', () => {
  let lsp: LspSession;
  const uri = 'file:///work/completion/pigsty.yml';
  before(async () => {
    lsp = await startLsp();
    await lsp.open(uri, BASE);
    await lsp.diagnostics(uri, 1);
  });
  after(async () => {
    await lsp.close();
  });
  const complete = async (line: number, character?: number): Promise<CompletionItem[]> => {
    const ch = character ?? BASE.split('\n')[line].length;
    const r = await lsp.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: ch } });
    return r?.items ?? [];
  };

  it('inside a cluster\'s vars offers pg_vip_interface with type, default and docs, replacing the typed prefix', async () => {
    const items = await complete(17);
    const vip = items.find((i) => i.label === 'pg_vip_interface');
    assert.ok(vip, 'pg_vip_interface offered');
    assert.match(vip.detail ?? '', /string = "auto"/);
    assert.match(JSON.stringify(vip.documentation), /pigsty\.io\/docs\/pgsql\/param\/#pg_vip_interface/);
    const edit = vip.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 17, character: 8 }, end: { line: 17, character: 15 } });
    assert.equal(edit.newText, 'pg_vip_interface: ');
    assert.ok(!items.some((i) => i.label === 'pg_seq'), 'per-host identities are not offered in group vars');
    assert.ok(!items.some((i) => i.label === 'pg_cluster'), 'names already set in this map are not offered again');
  });

  it('enum values for pg_mode', async () => {
    const labels = (await complete(13)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['pgsql', 'citus', 'mssql']);
    assert.ok(!labels.includes('oracle'));
  });

  it('host IPs for pg_upstream, excluding the host itself', async () => {
    const items = await complete(10);
    assert.deepEqual(items.map((i) => i.label), ['10.10.10.11']);
    assert.match(items[0].detail ?? '', /pg-test member/);
  });

  it('fields of a pg_users item, without the ones already written', async () => {
    const labels = (await complete(16)).map((i) => i.label);
    assert.ok(labels.includes('password'));
    assert.ok(labels.includes('pgbouncer'));
    assert.ok(!labels.includes('name'));
  });

  it('per-host identities in host vars', async () => {
    const text = BASE.replace('          pg_upstream: \n', '          pg_\n');
    await lsp.change(uri, 2, [{ text }]);
    const r = await lsp.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 13 } });
    const labels = r.items.map((i) => i.label);
    assert.ok(labels.includes('pg_offline_query'));
    assert.ok(!labels.includes('pg_seq') && !labels.includes('pg_role'), 'already set on this host');
  });
});
