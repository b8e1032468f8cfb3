// Table-driven rule tests, ESLint-style: `valid` inventories must give no finding of the codes
// under test; each `invalid` one must give exactly the listed findings (code, 1-based line, data).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import type { Finding, Lang, Severity } from '../../server/src/engine/findings';
import { LineIndex } from '../../server/src/engine/lines';
import { allRules } from '../../server/src/rules';

export interface ExpectedFinding {
  code: string;
  /** 1-based line of the finding's start */
  line: number;
  /** values the message names: each must equal the finding's data */
  data?: Record<string, string | number>;
  severity?: Severity;
  /** a substring the rendered message must contain */
  message?: string;
}

export interface ValidCase {
  name: string;
  yaml: string;
}

export interface InvalidCase {
  name: string;
  yaml: string;
  errors: ExpectedFinding[];
  lang?: Lang;
}

export function lineOf(text: string, f: Finding): number {
  return new LineIndex(text).position(f.span.start).line + 1;
}

export function findingsFor(yaml: string, codes: readonly string[], lang: Lang = 'en'): Finding[] {
  return analyze(yaml, { lang, assumeInventory: true }).findings.filter((f) => codes.some((c) => f.code === c || f.code.startsWith(c + '/')));
}

/** `codes` are rule codes or family prefixes (`citus` covers `citus/*`). */
export function ruleTester(title: string, codes: readonly string[], cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of codes) {
    const known = allRules.some((r) => r.code === c || r.code.startsWith(c + '/'));
    if (!known) throw new Error(`ruleTester(${title}): no rule with code or family '${c}'`);
  }
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`ruleTester(${title}): duplicated case name '${dup}'`);

  describe(title, () => {
    for (const v of cases.valid) {
      it(`valid: ${v.name}`, () => {
        const got = findingsFor(v.yaml, codes);
        assert.deepEqual(got.map((f) => `${lineOf(v.yaml, f)}: ${f.code}: ${f.message}`), []);
      });
    }
    for (const inv of cases.invalid) {
      it(`invalid: ${inv.name}`, () => {
        const got = findingsFor(inv.yaml, codes, inv.lang);
        const summary = got.map((f) => `${lineOf(inv.yaml, f)}: ${f.code}: ${f.message}`);
        assert.equal(got.length, inv.errors.length, `expected ${inv.errors.length} finding(s), got:\n${summary.join('\n')}`);
        inv.errors.forEach((exp, i) => {
          const f = got[i];
          assert.equal(f.code, exp.code, `finding ${i}: ${summary[i]}`);
          assert.equal(lineOf(inv.yaml, f), exp.line, `finding ${i} line: ${summary[i]}`);
          if (exp.severity) assert.equal(f.severity, exp.severity, `finding ${i} severity`);
          if (exp.message) assert.ok(f.message.includes(exp.message), `finding ${i} message '${f.message}' lacks '${exp.message}'`);
          for (const [k, v] of Object.entries(exp.data ?? {})) {
            assert.equal(f.data[k], v, `finding ${i} data.${k}: ${summary[i]}`);
          }
        });
      });
    }
  });
}

/** Removes the common leading indentation and the first newline of a template literal. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const width = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(width)).join('\n') + '\n';
}

/**
 * A minimal valid inventory around some groups. Lines: 1 `all:`, 2 `vars:`, 3 admin_ip, 4 version,
 * then `extraVars` (one line each), then `children:`, `infra`, `etcd`, then `children` from line
 * 8 + (number of extraVars lines).
 */
export function inventory(children: string, extraVars = ''): string {
  const indent = (s: string, n: number) => (s.trim() ? dedent(s).replace(/^(?=.)/gm, ' '.repeat(n)) : '');
  return (
    'all:\n  vars:\n    admin_ip: 10.10.10.10\n    version: v4.5.0\n' +
    indent(extraVars, 4) +
    '  children:\n' +
    '    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n' +
    '    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n' +
    indent(children, 4)
  );
}
