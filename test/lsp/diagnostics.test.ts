import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspSession, startLsp } from '../helpers/lspClient';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

describe('language server over stdio: diagnostics', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
  });
  after(async () => {
    await lsp.close();
  });

  it('publishes the identity errors of a broken inventory on their exact lines', async () => {
    const uri = 'file:///work/conf/broken.yml';
    await lsp.open(uri, fs.readFileSync(path.join(FIXTURES, 'identity/broken.yml'), 'utf8'));
    const diags = (await lsp.diagnostics(uri, 1)).filter((d) => d.severity === 1);
    const got = diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
    assert.deepEqual(got, ['17:identity/pg-seq', '18:identity/primary-count', '23:identity/pg-role', '24:structure/host-not-ipv4']);
    const seq = diags[0];
    assert.equal(seq.source, 'pigsty');
    assert.equal(seq.severity, 1);
    assert.match(String(seq.message), /pg_seq: 1/);
    assert.equal(seq.relatedInformation?.[0].location.range.start.line, 15);
    assert.ok(seq.codeDescription?.href.startsWith('https://pigsty.io/'));
  });

  it('re-validates on change and publishes for the newest version only', async () => {
    const uri = 'file:///work/pigsty.yml';
    const text = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    etcd: { hosts: { 10.10.10.11: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n    pg-a:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }\n      vars: { pg_cluster: pg-a }\n';
    await lsp.open(uri, text);
    const errorsOf = (ds: { severity?: number; code?: number | string }[]) => ds.filter((d) => d.severity === 1).map((d) => d.code);
    assert.deepEqual(errorsOf(await lsp.diagnostics(uri, 1)), ['identity/pg-role']);
    const at = text.indexOf('master');
    const line = 5;
    const character = text.split('\n')[5].indexOf('master');
    assert.ok(at > 0);
    await lsp.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + 6 } }, text: 'prim' }]);
    await lsp.change(uri, 3, [{ range: { start: { line, character: character + 4 }, end: { line, character: character + 4 } }, text: 'ary' }]);
    assert.deepEqual(errorsOf(await lsp.diagnostics(uri, 3)), []);
  });

  it('survives junk and keeps serving other files', async () => {
    await lsp.open('file:///work/conf/junk.yml', '\u0000\u0001 ::: [[[ {{{\n\t- ]\n');
    const junk = await lsp.diagnostics('file:///work/conf/junk.yml', 1);
    assert.ok(junk.length > 0 && junk.every((d) => typeof d.message === 'string'));
    await lsp.open('file:///work/other/notes.yml', 'title: not an inventory\n');
    assert.deepEqual(await lsp.diagnostics('file:///work/other/notes.yml', 1), []);
    const uri = 'file:///work/site-b/pigsty.yml';
    await lsp.open(uri, 'all:\n  children: {}\n', 7);
    assert.deepEqual((await lsp.diagnostics(uri, 7)).filter((d) => d.severity === 1).map((d) => d.code), ['identity/admin-ip']);
  });
});
