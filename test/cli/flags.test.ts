// pigsty-lint flags of issue 8: in-file suppressions, --report-unused-disable, --format sarif, --lang.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'server/bin/pigsty-lint');

const INVENTORY = [
  'all:',
  '  vars: { admin_ip: 10.10.10.10 }',
  '  children:',
  '    pg-a:',
  '      hosts:',
  '        # pigsty-lint-disable-next-line identity/pg-role -- being migrated',
  '        10.10.10.11: { pg_seq: 1, pg_role: master }',
  '        # pigsty-lint-disable-next-line vip',
  '        10.10.10.12: { pg_seq: 2, pg_role: replica }',
  '      vars: { pg_cluster: pg-a }',
  '    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }',
  '',
].join('\n');

function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readFile: () => INVENTORY });
  return { code, stdout, stderr };
}

describe('pigsty-lint: suppressions and new flags', () => {
  it('honours pigsty-lint-disable-next-line: the suppressed error neither prints nor fails the run', () => {
    const r = cli(['--format', 'json', 'pigsty.yml']);
    const out = JSON.parse(r.stdout) as { code: string; line: number }[];
    assert.deepEqual(out.filter((f) => f.code.startsWith('identity/')), []);
    assert.equal(r.code, 0, r.stdout);
  });

  it('--report-unused-disable reports the directive that suppressed nothing, on its line', () => {
    const r = cli(['--format', 'json', '--report-unused-disable', 'pigsty.yml']);
    const unused = (JSON.parse(r.stdout) as { code: string; line: number; column: number; severity: string; message: string }[]).filter((f) => f.code === 'lint/unused-disable');
    assert.deepEqual(unused.map((f) => `${f.line}:${f.column} ${f.severity}`), ['8:9 warning']);
    assert.match(unused[0].message, /pigsty-lint-disable-next-line directive for vip/);
  });

  it('--lang zh-cn prints Chinese messages and summary', () => {
    const r = cli(['--lang', 'zh-cn', '--report-unused-disable', 'pigsty.yml']);
    assert.match(r.stdout, /未使用的 pigsty-lint-disable-next-line 指令（vip）/);
    assert.match(r.stdout, /个错误，\d+ 个警告/);
  });

  it('rejects an unknown format and names sarif among the choices', () => {
    const r = cli(['--format', 'xml', 'pigsty.yml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /use text, json or sarif/);
  });

  it('the installed binary writes SARIF for a file on disk (the CI job)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigsty-sarif-'));
    const file = path.join(dir, 'pigsty.yml');
    fs.writeFileSync(file, INVENTORY.replace('# pigsty-lint-disable-next-line identity/pg-role -- being migrated', '# nothing'));
    const r = spawnSync(process.execPath, [BIN, '--format=sarif', 'pigsty.yml'], { cwd: dir, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const role = log.runs[0].results.find((x) => x.ruleId === 'identity/pg-role')!;
    assert.equal(role.locations[0].physicalLocation.artifactLocation.uri, 'pigsty.yml');
    assert.equal(role.locations[0].physicalLocation.region.startLine, 7);
  });
});
