// Every quick fix and every "promote surviving node" on the 53 shipped templates: each applies
// cleanly, removes its finding and adds no error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/fixes/edits';
import { promoteSurvivor } from '../../server/src/fixes/promoteSurvivor';
import { fixesFor } from '../../server/src/fixes/quickfixes';
import { corpusFiles, corpusName } from '../helpers/corpus';

const errorCount = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error').length;

describe('fixes on the v4.5.0 corpus', () => {
  it('every quick fix removes its finding and adds no error', () => {
    const problems: string[] = [];
    let applied = 0;
    const perCode = new Map<string, number>();
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyze(text);
      const before = a.findings.filter((f) => f.severity === 'error').length;
      for (const finding of a.findings) {
        // a few of each code per file keeps the run short; passwords alone are hundreds
        const seen = perCode.get(`${file}|${finding.code}`) ?? 0;
        if (seen >= 3) continue;
        perCode.set(`${file}|${finding.code}`, seen + 1);
        for (const fix of fixesFor({ analysis: a, code: finding.code, data: { ...finding.data }, span: finding.span })) {
          applied++;
          const out = applyEdits(text, fix.edits);
          const after = analyze(out).findings;
          if (after.some((f) => f.code === finding.code && f.message === finding.message)) problems.push(`${corpusName(file)}: "${fix.title}" left ${finding.code}`);
          if (after.filter((f) => f.severity === 'error').length > before) problems.push(`${corpusName(file)}: "${fix.title}" added an error`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(applied > 100, `only ${applied} fixes exercised`);
  });

  it('promoting any member of any multi-member cluster lints with no new error', () => {
    const problems: string[] = [];
    let promoted = 0;
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyze(text);
      const before = errorCount(text);
      for (const c of a.pgClusters().values()) {
        if (c.members.length < 2) continue;
        const survivor = c.members[c.members.length - 1].ip;
        const r = promoteSurvivor(a, survivor);
        if (!r.ok) {
          problems.push(`${corpusName(file)} ${survivor}: ${r.error}`);
          continue;
        }
        promoted++;
        const out = applyEdits(text, r.plan.edits);
        if (errorCount(out) > before) problems.push(`${corpusName(file)}: promoting ${survivor} of ${c.name} added an error`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(promoted > 10);
  });
});
