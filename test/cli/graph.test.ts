import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LINT_BIN, ROOT, runCli } from '../helpers/cli';

const CITUS_4NODE = path.join(ROOT, 'test/fixtures/topology/citus-4node.yml');

describe('pigsty-lint --graph', () => {
  it('renders with Graphviz (`dot -Tsvg`): the coordinator, both workers and each VIP are in the picture', () => {
    const graph = spawnSync(process.execPath, [LINT_BIN, '--graph', 'dot', CITUS_4NODE], { encoding: 'utf8' });
    assert.equal(graph.status, 0, graph.stderr);
    const svg = spawnSync('dot', ['-Tsvg'], { input: graph.stdout, encoding: 'utf8' });
    if (svg.error && (svg.error as NodeJS.ErrnoException).code === 'ENOENT') {
      assert.fail('Graphviz `dot` is not installed: this test needs it (Debian: apt-get install -y graphviz)');
    }
    assert.equal(svg.status, 0, `dot -Tsvg failed: ${svg.stderr}`);
    assert.equal(svg.stderr, '', 'dot printed warnings');
    const decode = (t: string) => t.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
    const texts = [...svg.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
    for (const expected of [
      'PGSQL pg-citus0', 'citus pg-citus group 0 (coordinator)', 'VIP 10.10.10.2/24',
      'PGSQL pg-citus1', 'citus pg-citus group 1 (worker)', 'VIP 10.10.10.3/24',
      'PGSQL pg-citus2', 'citus pg-citus group 2 (worker)', 'VIP 10.10.10.4/24',
      'pg-citus0-1 primary', 'pg-citus0-2 replica',
    ]) {
      assert.ok(texts.includes(expected), `the SVG shows "${expected}"`);
    }
    assert.equal((svg.stdout.match(/class="edge"/g) ?? []).length, 2, 'two coordinator -> worker edges');
  });

  it('prints Mermaid with --graph=mermaid and exits 0 even when the inventory has errors', () => {
    const text = fs.readFileSync(CITUS_4NODE, 'utf8').replace('pg_seq: 2, pg_role: replica', 'pg_seq: 2, pg_role: primary');
    const r = runCli(['--graph=mermaid', 'inv.yml'], { 'inv.yml': text });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^flowchart LR\n/);
    assert.match(r.stdout, /\n {2}class c2_1 error\n/);
    assert.equal(r.stderr, '');
  });

  it('draws what parses of a broken file, and says on stderr and in the graph what it left out', () => {
    const text = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-meta:\n      hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-meta }\n    pg-test:\n      hosts: { 10.10.10.11: { pg_seq: 1\n';
    const r = runCli(['--graph', 'dot', 'broken.yml'], { 'broken.yml': text });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /subgraph "cluster_pgsql\/pg-meta"/);
    assert.match(r.stdout, /^ {2}\/\/ left out: line \d+: YAML: /m);
    assert.match(r.stderr, /^pigsty-lint: broken\.yml: the graph shows what parses; left out:\n {2}line \d+: YAML: /);
  });

  it('refuses an unknown graph format, several files, and a missing file with status 2', () => {
    const bad = runCli(['--graph', 'png', 'a.yml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown graph format 'png': use dot or mermaid/);
    const two = runCli(['--graph', 'dot', 'a.yml', 'b.yml'], { 'a.yml': 'all: {}\n', 'b.yml': 'all: {}\n' });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /one inventory at a time \(got 2 files\)/);
    const missing = runCli(['--graph', 'dot', 'nope.yml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.yml: no such file/);
  });
});
