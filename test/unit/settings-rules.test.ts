// `pigsty.rules`: what package.json offers is what the server accepts, and overrides apply.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { PigstySettings, readSettings } from '../../server/src/lsp/settings';

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

describe('whole-number settings', () => {
  const settings = [
    { id: 'pigsty.codeLens.clusterLimit', raw: (n: unknown) => ({ codeLens: { clusterLimit: n } }), read: (s: PigstySettings) => s.codeLensClusterLimit },
    { id: 'pigsty.outline.maxItems', raw: (n: unknown) => ({ outline: { maxItems: n } }), read: (s: PigstySettings) => s.outlineMaxItems },
  ];
  for (const { id, raw, read } of settings) {
    it(`${id} takes a whole number from the minimum package.json declares up, and falls back to its default for anything else`, () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const declared = pkg.contributes.configuration.properties[id];
      assert.equal(read(readSettings({})), declared.default);
      for (const good of [declared.minimum, declared.minimum + 1, 25_000]) assert.equal(read(readSettings(raw(good))), good, String(good));
      for (const bad of [declared.minimum - 1, -5, 2.5, '10', null, Number.NaN]) assert.equal(read(readSettings(raw(bad))), declared.default, String(bad));
    });
  }
  it('the cluster lenses may be turned off (0); the outline lists at least one entry', () => {
    assert.equal(readSettings({ codeLens: { clusterLimit: 0 } }).codeLensClusterLimit, 0);
    assert.equal(readSettings({ outline: { maxItems: 0 } }).outlineMaxItems, readSettings({}).outlineMaxItems);
  });
});
