import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/findings';
import { LineIndex } from '../../server/src/engine/lines';
import { applySuppressions, codeMatches, parseDirectives } from '../../server/src/engine/suppressions';
import { dedent } from '../helpers/ruleTester';

/** A finding of `code` starting at the first character of 1-based `line`. */
function at(text: string, line: number, code: string): Finding {
  const start = new LineIndex(text).lineStart(line - 1);
  return { code, severity: 'error', span: { start, end: start + 1 }, message: code, data: {}, related: [] };
}

function kept(text: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  return applySuppressions(text, findings).kept.map((f) => `${lines.position(f.span.start).line + 1}:${f.code}`);
}

describe('suppression directives', () => {
  it('disable-next-line skips comment and blank lines and takes several codes', () => {
    const text = dedent(`
      a: 1
      # pigsty-lint-disable-next-line identity/pg-seq, identity/pg-role -- migration in progress
      # another comment

      b: 2
      c: 3
    `);
    const findings = [at(text, 5, 'identity/pg-seq'), at(text, 5, 'identity/pg-role'), at(text, 5, 'identity/admin-ip'), at(text, 6, 'identity/pg-seq')];
    assert.deepEqual(kept(text, findings), ['5:identity/admin-ip', '6:identity/pg-seq']);
    const [d] = parseDirectives(text);
    assert.deepEqual(d.codes, ['identity/pg-seq', 'identity/pg-role']);
    assert.equal(d.target, 4);
  });

  it('a directive without code suppresses every code; a family covers its rules', () => {
    const text = '# pigsty-lint-disable-next-line\na: 1\n# pigsty-lint-disable-next-line citus\nb: 2\n';
    const findings = [at(text, 2, 'vip/duplicate'), at(text, 2, 'citus/group-gap'), at(text, 4, 'citus/group-gap'), at(text, 4, 'citusx/other'), at(text, 4, 'vip/duplicate')];
    assert.deepEqual(kept(text, findings), ['4:citusx/other', '4:vip/duplicate']);
    assert.ok(codeMatches('citus', 'citus/group-gap'));
    assert.ok(!codeMatches('citus', 'citusx/group-gap'));
  });

  it('disable-line applies to its own line; a trailing disable-next-line to the following line', () => {
    const text = 'a: 1  # pigsty-lint-disable-line vip\nb: 2  # pigsty-lint-disable-next-line vip\nc: 3\n';
    const findings = [at(text, 1, 'vip/duplicate'), at(text, 2, 'vip/duplicate'), at(text, 3, 'vip/duplicate')];
    assert.deepEqual(kept(text, findings), ['2:vip/duplicate']);
  });

  it('disable/enable regions, per code, with enable of one code inside a disable-all', () => {
    const text = dedent(`
      l1: x
      # pigsty-lint-disable vip
      l3: x
      # pigsty-lint-enable vip
      l5: x
      # pigsty-lint-disable
      l7: x
      # pigsty-lint-enable citus/group-gap
      l9: x
      # pigsty-lint-enable
      l11: x
    `);
    const codes = ['vip/duplicate', 'citus/group-gap', 'citus/shared-vip'];
    const findings = [1, 3, 5, 7, 9, 11].flatMap((l) => codes.map((c) => at(text, l, c)));
    assert.deepEqual(kept(text, findings), [
      '1:vip/duplicate', '1:citus/group-gap', '1:citus/shared-vip',
      '3:citus/group-gap', '3:citus/shared-vip',
      '5:vip/duplicate', '5:citus/group-gap', '5:citus/shared-vip',
      '9:citus/group-gap',
      '11:vip/duplicate', '11:citus/group-gap', '11:citus/shared-vip',
    ]);
  });

  it('a region that is never enabled runs to the end of the file', () => {
    const text = 'a: 1\n# pigsty-lint-disable identity\nb: 2\nc: 3\n';
    assert.deepEqual(kept(text, [at(text, 1, 'identity/pg-seq'), at(text, 3, 'identity/pg-seq'), at(text, 4, 'identity/pg-role')]), ['1:identity/pg-seq']);
  });

  it('ignores look-alikes: inside a value, a misspelt directive, no space before #', () => {
    const text = 'a: "x#pigsty-lint-disable-next-line"\n# pigsty-lint-disabled-next-line vip\nb: 2 #pigsty-lint-disable-next-lin vip\nc: 3\n';
    assert.deepEqual(parseDirectives(text), []);
    assert.deepEqual(kept(text, [at(text, 4, 'vip/duplicate')]), ['4:vip/duplicate']);
  });

  it('reports each directive code that suppressed nothing', () => {
    const text = '# pigsty-lint-disable-next-line vip, citus\na: 1\n# pigsty-lint-disable-next-line\nb: 2\n# pigsty-lint-disable identity\n';
    const r = applySuppressions(text, [at(text, 2, 'vip/duplicate')]);
    assert.deepEqual(r.unused.map((u) => `${u.directive.line + 1}:${u.directive.kind}:${u.code}`), [
      '1:disable-next-line:citus',
      '3:disable-next-line:null',
      '5:disable:identity',
    ]);
    assert.equal(r.suppressed.length, 1);
  });

  it('leaves findings untouched when the text has no directive', () => {
    const text = 'a: 1\n';
    const f = [at(text, 1, 'vip/duplicate')];
    assert.deepEqual(applySuppressions(text, f), { kept: f, suppressed: [], unused: [] });
  });
});

describe('suppressions through analyze()', () => {
  const base = dedent(`
    all:
      vars: { admin_ip: 10.10.10.10 }
      children:
        pg-a:
          hosts:
            10.10.10.11: { pg_seq: 1, pg_role: master }
          vars: { pg_cluster: pg-a }
        etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
  `);

  it('the finding is there without a directive and gone with one', () => {
    assert.deepEqual(analyze(base).findings.map((f) => f.code), ['identity/pg-role']);
    const text = base.replace('        10.10.10.11', '        # pigsty-lint-disable-next-line identity/pg-role\n        10.10.10.11');
    const a = analyze(text);
    assert.deepEqual(a.findings.map((f) => f.code), []);
    assert.deepEqual(a.suppressions.suppressed.map((f) => f.code), ['identity/pg-role']);
  });

  it('reportUnusedDisable adds a localized warning on the directive', () => {
    const text = '# pigsty-lint-disable-next-line vip/duplicate\n' + base;
    assert.deepEqual(analyze(text).findings.map((f) => f.code), ['identity/pg-role']);
    const en = analyze(text, { reportUnusedDisable: true }).findings;
    assert.deepEqual(en.map((f) => `${f.code}@${f.span.start}:${f.severity}`), ['lint/unused-disable@0:warning', `identity/pg-role@${text.indexOf('master')}:error`]);
    assert.equal(en[0].message, 'Unused pigsty-lint-disable-next-line directive for vip/duplicate: no vip/duplicate problem was reported where it applies.');
    const zh = analyze(text, { reportUnusedDisable: true, lang: 'zh-cn' }).findings;
    assert.equal(zh[0].message, '未使用的 pigsty-lint-disable-next-line 指令（vip/duplicate）：它作用的范围内没有报告 vip/duplicate 问题。');
  });

  it('a rule turned off by severity leaves its directive unused', () => {
    const text = base.replace('        10.10.10.11', '        # pigsty-lint-disable-next-line identity/pg-role\n        10.10.10.11');
    const a = analyze(text, { severities: { 'identity/pg-role': 'off' }, reportUnusedDisable: true });
    assert.deepEqual(a.findings.map((f) => f.code), ['lint/unused-disable']);
  });
});
