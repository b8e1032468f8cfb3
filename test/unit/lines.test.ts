// LineIndex, the offset <-> line/column conversion of the CLI and SARIF, agrees with the one the
// language server uses (vscode-languageserver-textdocument) on every offset of texts with LF, CRLF
// and lone CR line breaks.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lines';

const TEXTS = ['all:\n  vars: {}\n', 'all:\r\n  vars: {}\r\n', 'a\r\rb\n\r\nc', '\r\n', 'x: "\r\n"\r\n  y\n', ''];

describe('LineIndex', () => {
  it('gives the line and character the language server gives for every offset', () => {
    for (const text of TEXTS) {
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///x.yml', 'yaml', 1, text);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(lines.position(offset), doc.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
      }
      assert.equal(lines.lineCount, doc.lineCount, JSON.stringify(text));
    }
  });

  it('places an offset between CR and LF at the end of its line, and maps positions back', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.position(3), { line: 0, character: 2 });
    assert.deepEqual(lines.position(4), { line: 1, character: 0 });
    assert.equal(lines.offset({ line: 1, character: 1 }), 5);
    assert.equal(lines.offset({ line: 0, character: 99 }), 4);
    assert.equal(lines.lineText(0), 'ab');
  });
});
