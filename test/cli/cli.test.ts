import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LINT_BIN, ROOT, runCli } from '../helpers/cli';

const BROKEN = path.join(ROOT, 'test/fixtures/identity/broken.yml');

describe('pigsty-lint CLI', () => {
  it('prints the identity errors of the broken fixture as JSON with 1-based positions and exits 1', () => {
    const r = spawnSync(process.execPath, [LINT_BIN, '--format', 'json', BROKEN], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { line: number; column: number; code: string; severity: string; file: string; message: string }[];
    const errors = out.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`), [
      '17:32 error identity/pg-seq',
      '18:44 error identity/primary-count',
      '23:44 error identity/pg-role',
      '24:9 error structure/host-not-ipv4',
    ]);
    assert.equal(errors[0].file, BROKEN);
    assert.match(errors[2].message, /`pg_role: master`.*`primary`/);
  });

  it('text format is file:line:col  severity  message  code, with a summary', () => {
    const r = runCli(['pigsty.yml'], { 'pigsty.yml': 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a:\n      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }\n      vars: { pg_cluster: pg-a }\n' });
    assert.equal(r.code, 1);
    const first = r.stdout.split('\n').find((l) => l.includes('identity/pg-role')) ?? '';
    assert.match(first, /^pigsty\.yml:5:51 {2}error {8}`pg_role: master` is not a Pigsty role: did you mean `primary`\? {2}identity\/pg-role$/);
    assert.match(r.stdout, /\n2 error\(s\), 0 warning\(s\), 0 other finding\(s\)\n$/);
  });

  it('exits 0 on an inventory without errors and says so', () => {
    const ok = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n';
    const r = runCli(['ok.yml'], { 'ok.yml': ok });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /error/);
  });

  it('prints messages in Simplified Chinese with --lang zh-cn', () => {
    const r = spawnSync(process.execPath, [LINT_BIN, '--lang', 'zh-cn', BROKEN], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /不是 Pigsty 支持的角色/);
    assert.match(r.stdout, /4 个错误/);
  });

  it('usage errors and unreadable files exit 2 with one clear line, no stack trace', () => {
    const noArgs = spawnSync(process.execPath, [LINT_BIN], { encoding: 'utf8' });
    assert.equal(noArgs.status, 2);
    assert.match(noArgs.stderr, /^pigsty-lint: no input file/);
    const badFormat = runCli(['--format', 'xml', 'a.yml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown format 'xml'/);
    const missing = spawnSync(process.execPath, [LINT_BIN, path.join(ROOT, 'does/not/exist.yml')], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*exist\.yml: no such file/);
    assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/);
  });

  it('a YAML file that is not an inventory, an empty file and binary junk get a clear error, not a crash', () => {
    for (const [name, text] of Object.entries({ 'list.yml': '- a\n- b\n', 'empty.yml': '', 'junk.yml': '\u0000\u0007\uFFFD{[' })) {
      const r = runCli(['--format', 'json', name], { [name]: text });
      assert.equal(r.code, 1, name);
      const out = JSON.parse(r.stdout) as { code: string }[];
      assert.ok(out.some((f) => f.code === 'structure/missing-all' || f.code === 'yaml/syntax'), `${name}: ${r.stdout}`);
    }
  });
});
