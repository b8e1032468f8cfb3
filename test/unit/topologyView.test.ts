import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderTopologyHtml } from '../../client/src/topology/render';
import { analyze } from '../../server/src/engine/analyze';
import { withRanges } from '../../server/src/lsp/topology';
import { buildTopology } from '../../server/src/topology/model';
import type { RangedTopology } from '../../server/src/topology/protocol';
import { inventory } from '../helpers/ruleTester';

const ROOT = path.resolve(__dirname, '../../..');
const CITUS_4NODE = path.join(ROOT, 'test/fixtures/topology/citus-4node.yml');

function rangedModel(text: string): RangedTopology {
  return withRanges(TextDocument.create('file:///inv.yml', 'yaml', 1, text), buildTopology(analyze(text, { assumeInventory: true })));
}

/** The opening tags that carry a class, with their attributes, in document order. */
function boxes(html: string, cls: string): string[] {
  return [...html.matchAll(new RegExp(`<div class="${cls}(?: [^"]*)?"[^>]*>`, 'g'))].map((m) => m[0]);
}

describe('topology view (HTML drawn in the webview)', () => {
  const text = fs.readFileSync(CITUS_4NODE, 'utf8');
  const html = renderTopologyHtml(rangedModel(text), { filter: '' });

  it('draws the Citus coordinator with an arrow to each worker', () => {
    const citus = html.slice(html.indexOf('<div class="citus">'));
    assert.match(citus, /^<div class="citus"><div class="citus-title">CITUS pg-citus<\/div>/);
    const coordinator = citus.indexOf('data-cluster="pgsql/pg-citus0"');
    const workers = citus.indexOf('<div class="workers">');
    assert.ok(coordinator > 0 && coordinator < workers, 'coordinator comes before the workers column');
    assert.equal((citus.match(/<span class="arrow" aria-hidden="true">→<\/span><div class="cluster kind-pgsql[^"]*" data-cluster="pgsql\/pg-citus[12]"/g) ?? []).length, 2);
  });

  it('puts the line of each cluster and host on its box, for click-to-reveal', () => {
    assert.match(html, /data-cluster="pgsql\/pg-citus0"><div class="cluster-title" role="button" tabindex="0" data-line="11" data-character="48"/);
    assert.match(html, /data-cluster="etcd\/etcd"><div class="cluster-title" role="button" tabindex="0" data-line="7" data-character="4"/);
    const members = boxes(html, 'member');
    assert.deepEqual(members.filter((m) => m.includes('data-line="12"')).length, 1); // 10.10.10.11, line 13
    assert.match(members.find((m) => m.includes('10.10.10.13'))!, /data-line="14"/);
  });

  it('marks the primary and writes the VIP under the cluster name', () => {
    assert.match(html, /<div class="member primary" [^>]*><span class="ip">10\.10\.10\.12<\/span><span class="detail">pg-citus1-1 · primary<\/span>/);
    assert.match(html, /<span class="name">pg-citus0<\/span><span class="note">VIP 10\.10\.10\.2\/24<\/span><span class="note">group 0 \(coordinator\)<\/span>/);
  });

  it('draws a host with an error in the error class, its finding as tooltip, and counts it', () => {
    const broken = renderTopologyHtml(rangedModel(text.replace('pg_seq: 2, pg_role: replica', 'pg_seq: 2, pg_role: primary')), { filter: '' });
    const bad = boxes(broken, 'member').find((m) => m.includes('data-line="12"'))!;
    assert.match(bad, /class="member primary error"/);
    assert.match(bad, /title="identity\/primary-count: /);
    assert.match(broken, /<span class="error-text">1 host\(s\) with errors<\/span>/);
  });

  it('escapes names, so a group name cannot inject markup', () => {
    const out = renderTopologyHtml(rangedModel(inventory(`
      '<img src=x>': { hosts: { 10.10.10.50: {} } }
    `)), { filter: '' });
    assert.ok(!out.includes('<img'));
    assert.match(out, /<span class="name">&lt;img src=x&gt;<\/span>/);
  });

  it('says what a YAML error left out, with its line', () => {
    const broken = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-meta:\n      hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }\n      vars: { pg_cluster: pg-meta }\n    pg-test: { hosts: { 10.10.10.11: [ }\n';
    const out = renderTopologyHtml(rangedModel(broken), { filter: '' });
    assert.match(out, /<div class="left-out" role="button" tabindex="0" data-line="\d+" data-character="\d+">Not drawn: line \d+: YAML: /);
    assert.match(out, /data-cluster="pgsql\/pg-meta"/);
  });

  it('lists the clusters of a 1,000-cluster inventory instead of drawing 3,000 hosts, and draws the one picked', () => {
    const groups = Array.from({ length: 1000 }, (_, i) => {
      const net = `10.${Math.floor(i / 250)}.${i % 250}`;
      return `pg-c${i}: { hosts: { ${net}.1: { pg_seq: 1, pg_role: primary }, ${net}.2: { pg_seq: 2, pg_role: replica }, ${net}.3: { pg_seq: 3, pg_role: replica } }, vars: { pg_cluster: pg-c${i} } }`;
    });
    const model = rangedModel(inventory(groups.join('\n')));
    const overview = renderTopologyHtml(model, { filter: '' });
    assert.match(overview, /1002 clusters with 3002 hosts: too many to draw at once/);
    assert.equal(boxes(overview, 'member').length, 0);
    assert.equal((overview.match(/data-pick="pg-c\d+"/g) ?? []).length, 1000); // plus infra and etcd
    const one = renderTopologyHtml(model, { filter: 'pg-c999' });
    assert.deepEqual([...one.matchAll(/data-cluster="([^"]+)"/g)].map((m) => m[1]), ['pgsql/pg-c999']);
    assert.equal(boxes(one, 'member').length, 3);
  });
});
