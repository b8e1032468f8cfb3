// What a server published for a text, compared with a full validation of that text: code, line,
// character and message of each finding, in order.
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze, AnalyzeOptions } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lines';

export function assertFullValidation(published: readonly Diagnostic[], text: string, options: AnalyzeOptions = {}, message?: string): void {
  const lines = new LineIndex(text);
  assert.deepEqual(
    published.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
    analyze(text, options).findings.map((f) => [f.code, lines.position(f.span.start).line, lines.position(f.span.start).character, f.message]),
    message,
  );
}
