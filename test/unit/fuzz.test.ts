// Property tests over mutated corpus templates (seeded, so a failure names a reproducible case):
// the engine never throws, no rule crashes, every finding has a valid span and a filled message,
// and no quick fix applied to a document that parsed yields one that does not.
// Bounded by case count (deterministic); a time cap is only a safety net against a slow machine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { parseText } from '../../server/src/engine/parse';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixableCodes, fixesFor } from '../../server/src/fixes/quickfixes';
import { corpusFiles, corpusName } from '../helpers/corpus';
import { mutate, Rng } from '../helpers/mutate';

const SEED = Number(process.env.PIGSTY_FUZZ_SEED ?? 20261125);
const CASES = Number(process.env.PIGSTY_FUZZ_CASES ?? 2000);
const SAFETY_MS = 90_000;

const templates = corpusFiles().map((f) => ({ name: corpusName(f), text: fs.readFileSync(f, 'utf8') }));

function yamlErrors(text: string): string[] {
  return parseText(text).syntax.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
}

describe(`fuzz: ${CASES} mutated corpus templates (seed ${SEED})`, () => {
  it('the engine never throws, no rule crashes, spans and messages are sound, fixes keep YAML valid', () => {
    const rng = new Rng(SEED);
    const fixable = new Set(fixableCodes());
    const failures: string[] = [];
    const started = Date.now();
    let ran = 0;
    let fixesApplied = 0;
    for (let i = 0; i < CASES && Date.now() - started < SAFETY_MS && failures.length < 10; i++) {
      const template = templates[rng.int(templates.length)];
      const { text, ops } = mutate(template.text, rng);
      const where = `case ${i} (${template.name}; ${ops.join(', ')})`;
      ran++;
      let analysis;
      try {
        analysis = analyze(text, { assumeInventory: rng.int(2) === 0, lang: rng.int(4) === 0 ? 'zh-cn' : 'en', reportUnusedDisable: rng.int(3) === 0 });
      } catch (err) {
        failures.push(`${where}: analyze threw ${err instanceof Error ? err.stack : String(err)}`);
        continue;
      }
      for (const f of analysis.findings) {
        if (f.code === 'internal/rule-crashed') failures.push(`${where}: ${f.message}`);
        if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) failures.push(`${where}: ${f.code} span ${f.span.start}-${f.span.end} of ${text.length}`);
        // an unfilled `{placeholder}` (one the document itself does not contain)
        const unfilled = (f.message.match(/(?<!\$)\{\w+\}/g) ?? []).filter((p) => !text.includes(p));
        if (!f.message || unfilled.length) failures.push(`${where}: ${f.code} message '${f.message}'`);
      }
      // quick fixes on documents that parsed: the fixed text must parse too
      if (yamlErrors(text).length > 0) continue;
      for (const f of analysis.findings.filter((x) => fixable.has(x.code)).slice(0, 3)) {
        for (const fix of fixesFor({ analysis, code: f.code, data: f.data, span: f.span })) {
          fixesApplied++;
          let fixed: string;
          try {
            fixed = applyEdits(text, fix.edits);
          } catch (err) {
            failures.push(`${where}: fix '${fix.title}' for ${f.code} does not apply: ${String(err)}`);
            continue;
          }
          const broken = yamlErrors(fixed);
          if (broken.length) failures.push(`${where}: fix '${fix.title}' for ${f.code} breaks the YAML: ${broken[0]}`);
        }
      }
    }
    assert.deepEqual(failures, [], `reproduce with PIGSTY_FUZZ_SEED=${SEED}`);
    assert.ok(ran >= Math.min(CASES, 200), `only ${ran} cases ran before the safety cap`);
    assert.ok(fixesApplied > 0, 'no quick fix was exercised');
  });

  it('the mutator is deterministic for a seed and really mutates', () => {
    const a = mutate(templates[0].text, new Rng(7));
    const b = mutate(templates[0].text, new Rng(7));
    assert.deepEqual(a, b);
    const changed = Array.from({ length: 50 }, (_, i) => mutate(templates[i % templates.length].text, new Rng(i)).text !== templates[i % templates.length].text);
    assert.ok(changed.filter(Boolean).length >= 45);
  });
});
