// The real server under a stream of random edits and bad requests: it publishes for the final
// version, keeps answering, and a failing request does not take it down.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine/lines';
import { corpusFiles } from '../helpers/corpus';
import { LspSession, startLsp } from '../helpers/lspClient';
import { assertFullValidation } from '../helpers/published';
import { mutate, Rng } from '../helpers/mutate';

const EDITS = 300;

describe('language server: random edits and bad requests', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
  });
  after(async () => {
    await lsp.close();
  });

  it(`publishes for the last of ${EDITS} random incremental edits and still answers requests`, async () => {
    const rng = new Rng(4242);
    const file = corpusFiles().find((f) => f.endsWith('conf/ha/trio.yml')) ?? corpusFiles()[0];
    const uri = 'file:///work/fuzz/pigsty.yml';
    let text = fs.readFileSync(file, 'utf8');
    await lsp.open(uri, text);
    for (let version = 2; version <= EDITS + 1; version++) {
      // a random replacement of a random range by a piece of a mutated text, as an editor sends it
      const lines = new LineIndex(text);
      // an editor cannot place a position between the two characters of a CRLF
      const off = (x: number) => (x > 0 && text[x - 1] === '\r' && text[x] === '\n' ? x + 1 : x);
      const a = off(rng.int(text.length + 1));
      const b = Math.max(a, off(Math.min(text.length, a + rng.int(40))));
      const insert = rng.int(3) === 0 ? '' : mutate(text.slice(a, a + 60), rng).text.slice(0, 80);
      await lsp.change(uri, version, [{ range: { start: lines.position(a), end: lines.position(b) }, text: insert }]);
      text = text.slice(0, a) + insert + text.slice(b);
    }
    const last = EDITS + 1;
    const diags = await lsp.diagnostics(uri, last, 30000);
    // what the server made of the edits, block by block or in full, is a full validation of our text
    assertFullValidation(diags, text, { assumeInventory: true });
    // the server's view of the text is ours: a full-text change to a known inventory gives its known result
    const clean = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }\n      vars: { pg_cluster: pg-a }\n';
    await lsp.change(uri, last + 1, [{ text: clean }]);
    const codes = (await lsp.diagnostics(uri, last + 1, 30000)).map((d) => d.code);
    assert.ok(codes.includes('identity/pg-role'), codes.join());
    const symbols = await lsp.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 50 } });
  });

  it('a request that fails gets an error reply; the server keeps serving', async () => {
    const bad = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 'file:///never/opened.yml' }, position: { line: -1, character: 1e9 } }],
      ['textDocument/documentSymbol', null],
      ['codeLens/resolve', null],
      ['codeLens/resolve', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { uri: 'file:///never/opened.yml', cluster: 'pg-x' } }],
      ['textDocument/completion', { textDocument: { uri: 'file:///never/opened.yml' } }],
      ['pigsty/lintText', { uri: 42 }],
    ] as const;
    for (const [method, params] of bad) {
      try {
        await lsp.request(method, params);
      } catch (err) {
        assert.ok(err instanceof Error, `${method}: ${String(err)}`);
      }
    }
    const uri = 'file:///work/fuzz/after-bad/pigsty.yml';
    await lsp.open(uri, 'all:\n  children: {}\n');
    assert.deepEqual((await lsp.diagnostics(uri, 1)).map((d) => d.code), ['identity/admin-ip']);
    await assert.rejects(lsp.request('pigsty/lintText', { uri: 42 }), /expected \{ uri, text \}/);
    const r = await lsp.request<{ isInventory: boolean; diagnostics: { code: string }[] }>('pigsty/lintText', { uri: 'file:///w/conf/x.yml', text: 'all:\n  children: {}\n' });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['identity/admin-ip']);
    assert.equal(r.isInventory, true);
    const notInv = await lsp.request<{ isInventory: boolean }>('pigsty/lintText', { uri: 'file:///w/notes.yml', text: 'title: x\n' });
    assert.equal(notInv.isInventory, false);
  });
});
