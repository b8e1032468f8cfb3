import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { LspSession, startLsp } from '../helpers/lspClient';

const TEXT = [
  'all:',
  '  vars:',
  '    admin_ip: 10.10.10.10',
  '    pg_vip_interface: eth0',
  '  children:',
  '    pg-test:',
  '      hosts:',
  '        10.10.10.11: { pg_seq: 1, pg_role: primary }',
  '        10.10.10.12: { pg_seq: 2, pg_role: replica, pg_vip_interface: eth2 }',
  '      vars:',
  '        pg_cluster: pg-test',
  '        pg_vip_enabled: true',
  '        pg_vip_address: 10.10.10.3/24',
  '        pg_vip_interface: eth1',
  '',
].join('\n');

function pos(line: number, needle: string) {
  return { line, character: TEXT.split('\n')[line].indexOf(needle) + 2 };
}

describe('language server over stdio: hover', () => {
  let lsp: LspSession;
  const uri = 'file:///work/hover/pigsty.yml';
  before(async () => {
    lsp = await startLsp();
    await lsp.open(uri, TEXT);
    await lsp.diagnostics(uri, 1);
  });
  after(async () => {
    await lsp.close();
  });
  const hover = async (line: number, needle: string) => {
    const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos(line, needle) });
    return h ? (h.contents as MarkupContent).value : null;
  };

  it('on pg_vip_address: type, level, default, module, version, the CIDR form and the doc link', async () => {
    const md = await hover(12, 'pg_vip_address');
    assert.ok(md);
    assert.match(md, /\*\*pg_vip_address\*\* · PGSQL · `cidr4`/);
    assert.match(md, /CIDR form `<ipv4>\/<mask>`/);
    assert.match(md, /Level: cluster/);
    assert.match(md, /Default: `"127\.0\.0\.1\/24"`/);
    assert.match(md, /Since: v2\.0\.0 or earlier/);
    assert.match(md, /https:\/\/pigsty\.io\/docs\/pgsql\/param\/#pg_vip_address/);
  });

  it('on a group value: the effective value per host and where it comes from', async () => {
    const md = await hover(13, 'eth1');
    assert.ok(md);
    assert.match(md, /`10\.10\.10\.11`: `eth1`, from group `pg-test` vars; overrides all\.vars/);
    assert.match(md, /`10\.10\.10\.12`: `eth2`, from host `10\.10\.10\.12` vars .*overrides group `pg-test` vars, all\.vars — this line is overridden here/);
  });

  it('publishes the catalog findings: misspelt name (with suggestion data) and pg_seq in all.vars', async () => {
    const bad = 'file:///work/hover/conf/bad.yml';
    await lsp.open(bad, TEXT.replace('    pg_vip_interface: eth0', '    pg_seq: 1').replace('pg_vip_address: 10.10.10.3/24', 'pg_vip_adress: 10.10.10.3/24'));
    const diags = (await lsp.diagnostics(bad, 1)).filter((d) => String(d.code).startsWith('params/'));
    assert.deepEqual(diags.map((d) => [d.range.start.line, d.code, d.severity]), [[3, 'params/level', 1], [12, 'params/unknown', 2]]);
    assert.match(String(diags[1].message), /did you mean `pg_vip_address`\?/);
    assert.equal((diags[1].data as { suggestion?: string }).suggestion, 'pg_vip_address');
  });

  it('nothing on structure keys or outside inventories', async () => {
    assert.equal(await hover(5, 'pg-test'), null);
    const other = 'file:///work/elsewhere/notes.yml';
    await lsp.open(other, 'title: pg_vip_address\n');
    const h = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 10 } });
    assert.equal(h, null);
  });
});
