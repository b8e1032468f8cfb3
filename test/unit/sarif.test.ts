// The SARIF output validates against the official SARIF 2.1.0 JSON Schema (draft-04), vendored in
// test/fixtures/sarif from the npm package @microsoft/jest-sarif@1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { run } from '../../server/src/cli/main';
import { engineCodes, toSarif } from '../../server/src/cli/sarif';
import { analyze } from '../../server/src/engine/analyze';
import { allRules } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
const BROKEN = fs.readFileSync(path.join(ROOT, 'test/fixtures/identity/broken.yml'), 'utf8');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
  ajv.addFormat('uri', (s: string) => {
    try {
      return Boolean(new URL(s));
    } catch {
      return false;
    }
  });
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(SCHEMA);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      relatedLocations?: { physicalLocation: { region: { startLine: number } } }[];
    }[];
  }[];
}

function cli(argv: string[], files: Record<string, string>): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readFile: (p) => files[p] });
  return { code, stdout, stderr };
}

describe('SARIF 2.1.0 output', () => {
  const validate = validator();

  it('the schema validator rejects a malformed log (the check can fail)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('pigsty-lint --format sarif validates against the schema and carries positions and rule metadata', () => {
    const r = cli(['--format', 'sarif', 'conf/broken.yml'], { 'conf/broken.yml': BROKEN });
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'pigsty-lint');
    const errors = run0.results.filter((x) => x.level === 'error');
    assert.deepEqual(errors.map((x) => `${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn} ${x.level} ${x.ruleId}`), [
      '17:32 error identity/pg-seq',
      '18:44 error identity/primary-count',
      '23:44 error identity/pg-role',
      '24:9 error structure/host-not-ipv4',
    ]);
    const first = errors[0];
    assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'conf/broken.yml', uriBaseId: '%SRCROOT%', index: 0 });
    assert.equal(first.relatedLocations?.[0].physicalLocation.region.startLine, 16);
    const rule = run0.tool.driver.rules[first.ruleIndex];
    assert.equal(rule.id, 'identity/pg-seq');
    assert.match(rule.helpUri, /^https:\/\/pigsty\.io\/docs\//);
    assert.equal(rule.defaultConfiguration.level, 'error');
  });

  it('describes every rule and every engine code, in the chosen language', () => {
    const log = toSarif([], 'zh-cn') as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const ids = log.runs[0].tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...allRules.map((r) => r.code), ...engineCodes.map((e) => e.code)]);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    const pgSeq = log.runs[0].tool.driver.rules.find((r) => r.id === 'identity/pg-seq')!;
    assert.equal(pgSeq.shortDescription.text, allRules.find((r) => r.code === 'identity/pg-seq')!.description['zh-cn']);
  });

  it('maps severities to SARIF levels and handles absolute paths, stdin, empty spans and several files', () => {
    const big = analyze('a: [1\n', { assumeInventory: true }).findings;
    const notice = { ...big[0], code: 'engine/syntax-only', severity: 'information' as const, span: { start: 0, end: 0 } };
    const log = toSarif(
      [
        { file: '/abs/dir with space/pigsty.yml', text: 'a: [1\n', findings: big },
        { file: '-', text: 'x: 1\n', findings: [notice] },
      ],
      'en',
    ) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results;
    assert.equal(results[0].level, 'error');
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///abs/dir%20with%20space/pigsty.yml');
    assert.equal(results.at(-1)!.level, 'note');
    assert.equal(results.at(-1)!.locations[0].physicalLocation.artifactLocation.uri, 'stdin');
  });
});
