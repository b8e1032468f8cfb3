import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { inventory } from '../helpers/ruleTester';
import { errorsOf, lint } from '../helpers/fixTester';

const ROOT = path.resolve(__dirname, '../../..');
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets/pigsty.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

/** Expands a snippet with its defaults, as accepting every tab stop would (variables get fixed values). */
export function expand(body: string[]): string {
  let text = body.join('\n');
  let hex = 0;
  text = text.replace(/\$\{?RANDOM_HEX\}?/g, () => (0xa1b2c3 + hex++).toString(16));
  const defaults = new Map<string, string>();
  for (let guard = 0; /\$\{\d+:[^${}]*\}/.test(text) && guard < 100; guard++) {
    text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, d: string) => {
      defaults.set(n, d);
      return d;
    });
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
}

const indent = (s: string, n: number) => s.replace(/^(?=.)/gm, ' '.repeat(n));
const HEAD = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    version: v4.5.0\n  children:\n';
const INFRA = '    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n';
const ETCD = '    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n';

function contextFor(prefix: string, expanded: string): string {
  if (prefix === 'pigsty-etcd') return HEAD + INFRA + indent(expanded, 4);
  if (prefix === 'pigsty-infra') return HEAD + ETCD + indent(expanded, 4);
  return inventory(expanded);
}

describe('snippets', () => {
  it('cover the Citus sandbox and production layouts, an HA cluster with VIP, etcd and infra', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix[0]).sort(), ['pigsty-citus-prod', 'pigsty-citus-sandbox', 'pigsty-etcd', 'pigsty-infra', 'pigsty-pg-ha']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === 'yaml' && s.path === './snippets/pigsty.code-snippets'));
  });

  it('have tab stops for names, IPs and VIPs', () => {
    const sandbox = Object.values(snippets).find((s) => s.prefix[0] === 'pigsty-citus-sandbox')!.body.join('\n');
    assert.match(sandbox, /^\$\{1:pg-citus\}:/);
    assert.match(sandbox, /\$\{2:10\.10\.10\.10\}: \{ pg_group: 0, pg_cluster: \$\{1\}0, pg_vip_address: \$\{6:10\.10\.10\.2\}\/24/);
    const ha = Object.values(snippets).find((s) => s.prefix[0] === 'pigsty-pg-ha')!.body.join('\n');
    assert.match(ha, /pg_vip_address: \$\{5:10\.10\.10\.3\}\/\$\{6:24\}/);
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${s.prefix[0]}: expanded with its defaults inside a minimal inventory, lints with no error`, () => {
      const text = contextFor(s.prefix[0], expand(s.body));
      assert.ok(!text.includes('$'), `unexpanded snippet syntax in ${name}:\n${text}`);
      assert.deepEqual(errorsOf(text), [], text);
      const warnings = lint(text).filter((f) => f.severity === 'warning').map((f) => `${f.code}: ${f.message}`);
      assert.deepEqual(warnings, [], text);
    });
  }
});
