// `pigsty.rules`: what package.json offers is what the server accepts, and overrides apply.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { readSettings } from '../../server/src/lsp/settings';

const ROOT = path.resolve(__dirname, '../../..');
const TEXT = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }, vars: { pg_cluster: pg-a } }\n    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n';

describe('pigsty.rules severity overrides', () => {
  it('every level the setting offers is accepted by the server; anything else is dropped', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const levels: string[] = pkg.contributes.configuration.properties['pigsty.rules'].additionalProperties.enum;
    assert.deepEqual([...levels].sort(), ['error', 'hint', 'information', 'off', 'warning']);
    const raw = Object.fromEntries(levels.map((l, i) => [`x/r${i}`, l]));
    assert.deepEqual(readSettings({ rules: { ...raw, 'x/bad': 'fatal', 'x/num': 2 } }).rules, raw);
  });

  it('an override changes the severity of that rule only; off removes it', () => {
    const base = analyze(TEXT).findings.find((f) => f.code === 'identity/pg-role');
    assert.equal(base?.severity, 'error');
    const warn = analyze(TEXT, { severities: { 'identity/pg-role': 'warning' } }).findings.find((f) => f.code === 'identity/pg-role');
    assert.equal(warn?.severity, 'warning');
    assert.equal(analyze(TEXT, { severities: { 'identity/pg-role': 'off' } }).findings.some((f) => f.code === 'identity/pg-role'), false);
  });
});

describe('pigsty.codeLens.clusterLimit', () => {
  it('takes a whole number from 0 up and falls back to the default the setting declares for anything else', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = pkg.contributes.configuration.properties['pigsty.codeLens.clusterLimit'];
    assert.equal(readSettings({}).codeLensClusterLimit, declared.default);
    assert.equal(declared.minimum, 0);
    assert.equal(readSettings({ codeLens: { clusterLimit: 0 } }).codeLensClusterLimit, 0);
    assert.equal(readSettings({ codeLens: { clusterLimit: 25 } }).codeLensClusterLimit, 25);
    for (const bad of [-1, 2.5, '10', null, Number.NaN]) assert.equal(readSettings({ codeLens: { clusterLimit: bad } }).codeLensClusterLimit, declared.default, String(bad));
  });
});

describe('pigsty.outline.maxItems', () => {
  it('takes a whole number from 1 up and falls back to the default the setting declares for anything else', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = pkg.contributes.configuration.properties['pigsty.outline.maxItems'];
    assert.equal(readSettings({}).outlineMaxItems, declared.default);
    assert.equal(declared.minimum, 1);
    assert.equal(readSettings({ outline: { maxItems: 1 } }).outlineMaxItems, 1);
    assert.equal(readSettings({ outline: { maxItems: 20000 } }).outlineMaxItems, 20000);
    for (const bad of [0, -5, 2.5, '10', null, Number.NaN]) assert.equal(readSettings({ outline: { maxItems: bad } }).outlineMaxItems, declared.default, String(bad));
  });
});
