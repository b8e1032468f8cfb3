// Security: secrets are masked; our code opens no network connection, runs no process, and the
// language server reads no file (it is handed the text); checked in the sources, in the bundles,
// and at run time with fs/net calls of the real server instrumented.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { isSecretParam, MASK, maskSecret, maskSecretsInText, shownValue } from '../../server/src/engine/mask';
import { LspSession, startLsp } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name).split(path.sep).join('/');
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name)) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1].replace(/^node:/, ''));
}

describe('secrets are masked', () => {
  it('knows Pigsty and Ansible secret parameters, and not their look-alikes', () => {
    for (const name of ['pg_admin_password', 'patroni_password', 'grafana_admin_password', 'minio_secret_key', 'minio_access_key', 'vip_auth_pass', 'pgsodium_key', 'redis_password', 'ansible_ssh_pass', 'ansible_become_password', 'pg_users[0].password', 'pgbackrest_repo.minio.s3_key_secret', 'cipher_pass']) {
      assert.ok(isSecretParam(name), name);
    }
    for (const name of ['pg_cluster', 'pgsodium_getkey_script', 'cert_validity', 'nginx_cert_exists', 'pg_users[0].name', 'kafka_rotate_credentials_days', 'passive', 'pg_passwd_enc']) {
      assert.ok(!isSecretParam(name), name);
    }
  });

  it('masks a value with a fixed mask, keeping templates, vault blobs and empty values recognisable', () => {
    assert.equal(maskSecret('DBUser.DBA'), MASK);
    assert.equal(maskSecret('x'), MASK);
    assert.equal(maskSecret(123456), MASK);
    assert.equal(maskSecret(''), '');
    assert.equal(maskSecret('{{ lookup("env", "PG_PASS") }}'), '{{ lookup("env", "PG_PASS") }}');
    assert.equal(maskSecret('$ANSIBLE_VAULT;1.1;AES256\n6231'), '(vault)');
    assert.equal(shownValue('pg_admin_password', 'S3cret'), MASK);
    assert.equal(shownValue('pg_cluster', 'pg-meta'), 'pg-meta');
  });

  it('masks secrets in quoted YAML text (for logs)', () => {
    const text = 'all:\n  vars:\n    pg_admin_password: "S3cret!"   # rotate\n    pg_cluster: pg-a\n    pg_users: [ { name: u, password: UserS3cret } ]\n    - password: ListS3cret\n';
    const masked = maskSecretsInText(text);
    assert.ok(!/S3cret/.test(masked), masked);
    assert.match(masked, /pg_admin_password: •+   # rotate/);
    assert.match(masked, /pg_cluster: pg-a/);
  });
});

describe('no network, no process, no file reads from the server', () => {
  const NETWORK = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'inspector']);

  it('our client and server sources import no network or process module', () => {
    const offenders = [...sources('server/src'), ...sources('client/src')].flatMap((f) => imports(f).filter((m) => NETWORK.has(m)).map((m) => `${f}: ${m}`));
    assert.deepEqual(offenders, []);
    const calls = [...sources('server/src'), ...sources('client/src')].filter((f) => /\bfetch\(|XMLHttpRequest|new WebSocket|\bexecFile(Sync)?\(|\bexecSync\(|\bspawn(Sync)?\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepEqual(calls, []);
  });

  it('the language server reads no file: no fs import in server/src outside the CLI', () => {
    const offenders = sources('server/src')
      .filter((f) => !f.startsWith('server/src/cli/'))
      .flatMap((f) => imports(f).filter((m) => m === 'fs' || m.startsWith('fs/')).map((m) => `${f}: ${m}`));
    assert.deepEqual(offenders, []);
  });

  it('the bundles contain no HTTP, TLS, UDP or fetch client', () => {
    for (const bundle of ['dist/server.js', 'dist/client.js', 'dist/cli.js']) {
      const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      const found = [...text.matchAll(/require\("(?:node:)?(http|https|http2|tls|dgram)"\)/g)].map((m) => m[1]);
      assert.deepEqual(found, [], bundle);
      assert.ok(!/\bfetch\(|XMLHttpRequest|new WebSocket\(/.test(text), `${bundle} calls fetch/XMLHttpRequest/WebSocket`);
    }
  });
});

describe('the running server: no file read, no connection (fs and net instrumented)', () => {
  let lsp: LspSession;
  let dir: string;
  let log: string;
  const savedOptions = process.env.NODE_OPTIONS;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigsty-sec-'));
    log = path.join(dir, 'calls.log');
    // a workspace full of tempting files the server must never open
    fs.mkdirSync(path.join(dir, 'group_vars'));
    fs.writeFileSync(path.join(dir, 'group_vars', 'all.yml'), 'pg_admin_password: FromDisk\n');
    fs.writeFileSync(path.join(dir, 'pigsty.yml'), 'all: { vars: { pg_admin_password: OnDisk } }\n');
    const preload = path.join(dir, 'spy.js');
    fs.writeFileSync(
      preload,
      `const fs = require('fs'); const net = require('net'); const log = ${JSON.stringify(log)};
const write = fs.appendFileSync.bind(fs);
let armed = false; setTimeout(() => { armed = true; }, 0);
const note = (what) => write(log, (armed ? '' : 'startup ') + what + '\\n');
for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir', 'statSync', 'existsSync']) {
  const orig = fs[name]; fs[name] = function (p, ...rest) { note('fs.' + name + ' ' + String(p)); return orig.call(this, p, ...rest); };
}
for (const name of ['readFile', 'open', 'readdir']) { const orig = fs.promises[name]; fs.promises[name] = function (p, ...rest) { note('fs.promises.' + name + ' ' + String(p)); return orig.call(this, p, ...rest); }; }
for (const name of ['connect', 'createConnection']) { const orig = net[name]; net[name] = function (...a) { note('net.' + name); return orig.apply(this, a); }; }
if (globalThis.fetch) globalThis.fetch = () => { note('fetch'); throw new Error('no network'); };
`,
    );
    process.env.NODE_OPTIONS = `${savedOptions ?? ''} --require ${preload}`.trim();
    try {
      lsp = await startLsp();
    } finally {
      if (savedOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = savedOptions;
    }
  });

  after(async () => {
    await lsp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves an inventory (diagnostics, hover, symbols, workspace lint) without reading or connecting', async () => {
    const uri = `file://${dir}/pigsty.yml`;
    const text = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    pg_admin_password: InEditor\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }\n';
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
    await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 25 } });
    await lsp.request('textDocument/documentSymbol', { textDocument: { uri } });
    await lsp.request('pigsty/lintText', { uri: `file://${dir}/conf/other.yml`, text });
    const all = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.ok(all.some((c) => c.startsWith('startup fs.readFileSync') && c.includes('server.js')), 'the spy saw the server load its bundle');
    const calls = all.filter((c) => !c.startsWith('startup '));
    assert.deepEqual(calls.filter((c) => !c.startsWith('fs.') || c.includes(dir) || !c.includes(ROOT)), []);
  });

  it('a hover on a password shows a mask, never the value', async () => {
    const uri = `file://${dir}/conf/hover.yml`;
    const text = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    pg_admin_password: HoverS3cret\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }\n';
    await lsp.open(uri, text);
    await lsp.diagnostics(uri, 1);
    const hover = await lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 26 } });
    const shown = hover ? (hover.contents as MarkupContent).value : '';
    assert.ok(!shown.includes('HoverS3cret'), `the hover shows the password: ${shown}`);
  });
});
