// Fixtures that carry their expectations: a line ending in `# expect: code[, code]` must get exactly
// those findings of the families under test, and no other line may get any.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { lineOf } from '../helpers/ruleTester';

export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function expectedMarks(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*([\w/ ,-]+)$/.exec(line);
    if (m) for (const code of m[1].split(',').map((c) => c.trim()).filter(Boolean)) out.push(`${i + 1}: ${code}`);
  });
  return out.sort();
}

/** Findings of `families` (code prefixes) as sorted `line: code`. */
export function actualMarks(text: string, families: readonly string[]): string[] {
  return analyze(text)
    .findings.filter((f) => families.some((fam) => f.code.startsWith(fam + '/')))
    .map((f) => `${lineOf(text, f)}: ${f.code}`)
    .sort();
}

export function markedFixtureTests(dir: string, families: readonly string[]): void {
  const files = fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.yml')).sort();
  assert.ok(files.length > 0, `no fixtures in ${dir}`);
  for (const file of files) {
    it(`fixture ${dir}/${file}: every planted defect is reported on its line, nothing else`, () => {
      const text = readFixture(`${dir}/${file}`);
      const expected = expectedMarks(text);
      assert.ok(expected.length > 0, 'a defect fixture must plant at least one defect');
      assert.deepEqual(actualMarks(text, families), expected);
    });
  }
}

/** Every error in a text, as `line: code: message`, for "lints with no error" assertions. */
export function errors(text: string): string[] {
  return analyze(text).findings.filter((f) => f.severity === 'error').map((f) => `${lineOf(text, f)}: ${f.code}: ${f.message}`);
}
