import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { dotString, toDot } from '../../server/src/topology/dot';
import { mermaidLabel, toMermaid } from '../../server/src/topology/mermaid';
import { buildTopology } from '../../server/src/topology/model';
import { inventory } from '../helpers/ruleTester';

const ROOT = path.resolve(__dirname, '../../..');
const CITUS_4NODE = path.join(ROOT, 'test/fixtures/topology/citus-4node.yml');

interface ParsedDot {
  /** subgraph id -> its label and node ids */
  subgraphs: Map<string, { label: string; nodes: string[] }>;
  nodes: Map<string, Record<string, string>>;
  edges: { from: string; to: string; attrs: Record<string, string> }[];
}

const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const unquote = (s: string) => s.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');

function attrsOf(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of list.matchAll(new RegExp(String.raw`(\w+)=(?:${QUOTED}|([^,\];]+))`, 'g'))) out[m[1]] = m[2] !== undefined ? unquote(m[2]) : m[3];
  return out;
}

/** Reads back the subset of DOT that toDot writes: one statement per line. */
function parseDot(dot: string): ParsedDot {
  const parsed: ParsedDot = { subgraphs: new Map(), nodes: new Map(), edges: [] };
  let current: { label: string; nodes: string[] } | null = null;
  for (const line of dot.split('\n').map((l) => l.trim())) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^subgraph ${QUOTED} \\{$`)))) {
      current = { label: '', nodes: [] };
      parsed.subgraphs.set(unquote(m[1]), current);
    } else if (line === '}') {
      current = null;
    } else if ((m = line.match(new RegExp(`^${QUOTED} -> ${QUOTED} \\[(.*)\\];$`)))) {
      parsed.edges.push({ from: unquote(m[1]), to: unquote(m[2]), attrs: attrsOf(m[3]) });
    } else if ((m = line.match(new RegExp(`^${QUOTED} \\[(.*)\\];$`)))) {
      parsed.nodes.set(unquote(m[1]), attrsOf(m[2]));
      current?.nodes.push(unquote(m[1]));
    } else if (current && line.startsWith('label=')) {
      current.label = attrsOf(line).label;
    }
  }
  return parsed;
}

describe('topology as DOT', () => {
  const model = buildTopology(analyze(fs.readFileSync(CITUS_4NODE, 'utf8')));
  const dot = parseDot(toDot(model));

  it('draws the coordinator and both workers as clusters, each titled with its VIP and Citus group', () => {
    assert.equal(dot.subgraphs.get('cluster_pgsql/pg-citus0')!.label, 'PGSQL pg-citus0\nVIP 10.10.10.2/24\ncitus pg-citus group 0 (coordinator)');
    assert.equal(dot.subgraphs.get('cluster_pgsql/pg-citus1')!.label, 'PGSQL pg-citus1\nVIP 10.10.10.3/24\ncitus pg-citus group 1 (worker)');
    assert.equal(dot.subgraphs.get('cluster_pgsql/pg-citus2')!.label, 'PGSQL pg-citus2\nVIP 10.10.10.4/24\ncitus pg-citus group 2 (worker)');
    assert.deepEqual(dot.subgraphs.get('cluster_pgsql/pg-citus0')!.nodes, ['pgsql/pg-citus0/10.10.10.10', 'pgsql/pg-citus0/10.10.10.11']);
  });

  it('marks the primary with a double border and leaves the replica plain', () => {
    assert.equal(dot.nodes.get('pgsql/pg-citus0/10.10.10.10')!.peripheries, '2');
    assert.equal(dot.nodes.get('pgsql/pg-citus0/10.10.10.10')!.label, '10.10.10.10\npg-citus0-1 primary');
    assert.equal(dot.nodes.get('pgsql/pg-citus0/10.10.10.11')!.peripheries, undefined);
  });

  it('links the coordinator cluster to each worker cluster, and nothing else', () => {
    assert.deepEqual(dot.edges.map((e) => `${e.attrs.ltail} -> ${e.attrs.lhead}`), [
      'cluster_pgsql/pg-citus0 -> cluster_pgsql/pg-citus1',
      'cluster_pgsql/pg-citus0 -> cluster_pgsql/pg-citus2',
    ]);
    assert.deepEqual(dot.edges.map((e) => `${e.from} -> ${e.to}`), [
      'pgsql/pg-citus0/10.10.10.10 -> pgsql/pg-citus1/10.10.10.12',
      'pgsql/pg-citus0/10.10.10.10 -> pgsql/pg-citus2/10.10.10.13',
    ]);
  });

  it('gives every edge end a declared node, and draws infra, etcd and admin_ip', () => {
    for (const e of dot.edges) assert.ok(dot.nodes.has(e.from) && dot.nodes.has(e.to), `${e.from} -> ${e.to}`);
    assert.deepEqual([...dot.subgraphs.keys()].slice(0, 2), ['cluster_infra/infra', 'cluster_etcd/etcd']);
    assert.equal(dot.nodes.get('infra/infra/10.10.10.10')!.label, '10.10.10.10\ninfra-1\nadmin_ip');
  });

  it('is the same text every time (so it can be committed)', () => {
    assert.equal(toDot(buildTopology(analyze(fs.readFileSync(CITUS_4NODE, 'utf8')))), toDot(model));
  });

  it('draws a host with an error in red, with the finding as tooltip', () => {
    const yaml = inventory(`
      pg-test:
        hosts:
          10.10.10.11: { pg_seq: 1, pg_role: primary }
          10.10.10.12: { pg_seq: 2, pg_role: primary }
        vars: { pg_cluster: pg-test }
    `);
    const parsed = parseDot(toDot(buildTopology(analyze(yaml))));
    const bad = parsed.nodes.get('pgsql/pg-test/10.10.10.12')!;
    assert.equal(bad.color, '#d32f2f');
    assert.match(bad.tooltip, /^identity\/primary-count: /);
    assert.equal(parsed.nodes.get('pgsql/pg-test/10.10.10.11')!.color, undefined);
  });

  it('escapes quotes and backslashes in names', () => {
    assert.equal(dotString('a"b\\c\nd'), String.raw`"a\"b\\c\nd"`);
    const yaml = inventory(`
      'we"ird': { hosts: { 10.10.10.50: {} } }
    `);
    const parsed = parseDot(toDot(buildTopology(analyze(yaml))));
    assert.equal(parsed.subgraphs.get('cluster_group/we"ird')!.label, 'NODES we"ird');
  });
});

describe('topology as Mermaid', () => {
  const text = toMermaid(buildTopology(analyze(fs.readFileSync(CITUS_4NODE, 'utf8'))));
  const lines = text.split('\n');

  it('opens a left-to-right flowchart with a subgraph per cluster', () => {
    assert.equal(lines[0], 'flowchart LR');
    assert.ok(lines.includes('  subgraph c2["PGSQL pg-citus0<br/>VIP 10.10.10.2/24<br/>citus pg-citus group 0 (coordinator)"]'));
    assert.equal(lines.filter((l) => l.startsWith('  subgraph ')).length, 5);
    assert.equal(lines.filter((l) => l === '  end').length, 5);
  });

  it('links the coordinator subgraph to both workers and classes the primaries', () => {
    assert.deepEqual(lines.filter((l) => l.includes('==>')), ['  c2 ==>|"citus pg-citus"| c3', '  c2 ==>|"citus pg-citus"| c4']);
    assert.ok(lines.includes('  class c2_0,c3_0,c4_0 primary'));
  });

  it('escapes characters that would end a label', () => {
    assert.equal(mermaidLabel(['a"b<c>&']), '"a#quot;b#lt;c#gt;#amp;"');
  });
});
