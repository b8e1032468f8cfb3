import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, commentOutPair, insertPair, isPlainSafe, setPair, yamlValue } from '../../server/src/fixes/edits';
import { parseDocument, YAMLMap } from 'yaml';
import { dedent, inventory } from '../helpers/ruleTester';
import { applyFix, fixesOf } from '../helpers/fixTester';
import { analyze } from '../../server/src/engine/analyze';
import { codeLenses } from '../../server/src/fixes/codeLens';
import { fixesFor } from '../../server/src/fixes/quickfixes';

function mapAt(text: string, ...path: string[]): YAMLMap {
  const doc = parseDocument(text, { version: '1.1' });
  return doc.getIn(path, true) as YAMLMap;
}

describe('edits: surgical YAML text edits', () => {
  it('inserts into a flow map copying its separator style', () => {
    const text = 'h: { pg_seq: 1 ,pg_role: primary } # keep\n';
    const out = applyEdits(text, [insertPair(text, mapAt(text, 'h'), 'pg_offline_query', 'true')]);
    assert.equal(out, 'h: { pg_seq: 1 ,pg_role: primary ,pg_offline_query: true } # keep\n');
  });

  it('inserts into a one-entry and an empty flow map', () => {
    const one = 'h: {a: 1}\n';
    assert.equal(applyEdits(one, [insertPair(one, mapAt(one, 'h'), 'b', '2')]), 'h: {a: 1, b: 2}\n');
    const empty = 'h: {}\n';
    assert.equal(applyEdits(empty, [insertPair(empty, mapAt(empty, 'h'), 'b', '2')]), 'h: { b: 2 }\n');
  });

  it('inserts into a block map after its last entry, at its indentation, keeping comments', () => {
    const text = dedent(`
      g:
        vars:   # cluster vars
          pg_cluster: pg-meta   # the name
          pg_users:
            - { name: a }

          # trailing note
        other: 1
    `);
    const out = applyEdits(text, [insertPair(text, mapAt(text, 'g', 'vars'), 'pg_vip_interface', 'eth1')]);
    assert.equal(out, text.replace('- { name: a }\n', '- { name: a }\n    pg_vip_interface: eth1\n'));
  });

  it('replaces a value keeping its quotes, and quotes strings YAML would misread', () => {
    const text = "v: { a: 'x' ,b: \"y\" ,c: z }\n";
    const m = mapAt(text, 'v');
    const out = applyEdits(text, [setPair(text, m, 'a', 'p q'), setPair(text, m, 'b', 'r'), setPair(text, m, 'c', 'yes')]);
    assert.equal(out, "v: { a: 'p q' ,b: \"r\" ,c: 'yes' }\n");
    assert.equal(yamlValue('10.10.10.3/24'), '10.10.10.3/24');
    assert.equal(yamlValue('1e5'), "'1e5'");
    assert.ok(!isPlainSafe('a: b') && !isPlainSafe('#x') && isPlainSafe('DBUser.Meta'));
  });

  it('comments out a block host line and removes a flow one into a comment', () => {
    const block = dedent(`
      hosts:
        10.10.10.10: { etcd_seq: 1 }  # first
        10.10.10.11: { etcd_seq: 2 }
    `);
    const m = mapAt(block, 'hosts');
    const out = applyEdits(block, commentOutPair(block, m, m.items[0] as never));
    assert.equal(out, block.replace('  10.10.10.10', '  # 10.10.10.10'));
    const flow = 'etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 }, 10.10.10.11: { etcd_seq: 2 } } }\n';
    const fm = mapAt(flow, 'etcd', 'hosts');
    const fout = applyEdits(flow, commentOutPair(flow, fm, fm.items[0] as never));
    assert.equal(fout, '# 10.10.10.10: { etcd_seq: 1 }\netcd: { hosts: { 10.10.10.11: { etcd_seq: 2 } } }\n');
  });
});

describe('quick fixes: identity', () => {
  const dupSeq = inventory(`
    pg-meta:
      hosts:
        10.10.10.10: { pg_seq: 1, pg_role: primary }   # the primary
        10.10.10.11: { pg_seq: 1, pg_role: replica }
        10.10.10.12: { pg_seq: 3, pg_role: replica }
      vars: { pg_cluster: pg-meta }
  `);

  it('identity/pg-seq: renumbers the duplicate to a free number', () => {
    const out = applyFix(dupSeq, 'identity/pg-seq');
    assert.equal(out, dupSeq.replace('{ pg_seq: 1, pg_role: replica }', '{ pg_seq: 4, pg_role: replica }'));
  });

  it('identity/pg-seq: adds a missing pg_seq to the host map', () => {
    const text = inventory(`
      pg-meta:
        hosts:
          10.10.10.10: { pg_seq: 1, pg_role: primary }
          10.10.10.11: { pg_role: replica }
        vars: { pg_cluster: pg-meta }
    `);
    assert.match(applyFix(text, 'identity/pg-seq'), /10\.10\.10\.11: \{ pg_role: replica, pg_seq: 2 \}/);
  });

  const twoPrimaries = inventory(`
    pg-meta:
      hosts:
        10.10.10.10: { pg_seq: 1, pg_role: primary }
        10.10.10.11: { pg_seq: 2, pg_role: primary } # promoted by hand
      vars: { pg_cluster: pg-meta }
  `);

  it('identity/primary-count: makes this node the primary and the other a replica', () => {
    const out = applyFix(twoPrimaries, 'identity/primary-count', /Make 10\.10\.10\.11 the primary/);
    assert.equal(out, twoPrimaries.replace('pg_seq: 1, pg_role: primary', 'pg_seq: 1, pg_role: replica'));
  });

  it('identity/primary-count: or demotes this node (the preferred fix)', () => {
    const out = applyFix(twoPrimaries, 'identity/primary-count');
    assert.equal(out, twoPrimaries.replace('pg_seq: 2, pg_role: primary', 'pg_seq: 2, pg_role: replica'));
  });

  it('identity/primary-count: offers each member when there is no primary', () => {
    const text = inventory(`
      pg-meta:
        hosts:
          10.10.10.10: { pg_seq: 1, pg_role: replica }
          10.10.10.11: { pg_seq: 2, pg_role: replica }
        vars: { pg_cluster: pg-meta }
    `);
    assert.deepEqual(fixesOf(text, 'identity/primary-count').fixes.map((f) => f.title), [
      'Make 10.10.10.10 the primary of pg-meta',
      'Make 10.10.10.11 the primary of pg-meta',
    ]);
    assert.match(applyFix(text, 'identity/primary-count'), /10\.10\.10\.10: \{ pg_seq: 1, pg_role: primary \}/);
  });

  it('identity/pg-role: replaces an alias with the Pigsty role', () => {
    const text = inventory(`
      pg-meta:
        hosts:
          10.10.10.10: { pg_seq: 1, pg_role: master }
        vars: { pg_cluster: pg-meta }
    `);
    assert.equal(applyFix(text, 'identity/pg-role'), text.replace('master', 'primary'));
  });

  it('identity/etcd-seq: numbers an etcd member', () => {
    const text = dedent(`
      all:
        vars: { admin_ip: 10.10.10.10, version: v4.5.0 }
        children:
          infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }
          etcd:
            hosts:
              10.10.10.10: { etcd_seq: 1 }
              10.10.10.11:
            vars: { etcd_cluster: etcd }
    `);
    assert.equal(applyFix(text, 'identity/etcd-seq'), text.replace('10.10.10.11:\n', '10.10.10.11: { etcd_seq: 2 }\n'));
  });
  it('titles follow the editor language', () => {
    const text = inventory(`
      pg-meta:
        hosts:
          10.10.10.10: { pg_seq: 1, pg_role: master }
        vars: { pg_cluster: pg-meta }
    `);
    const analysis = analyze(text, { lang: 'zh-cn' });
    const f = analysis.findings.find((x) => x.code === 'identity/pg-role')!;
    assert.deepEqual(fixesFor({ analysis, code: f.code, data: f.data, span: f.span, lang: 'zh-cn' }).map((x) => x.title), ['将 pg_role 改为 primary']);
    assert.deepEqual(codeLenses(analysis, 'zh-cn').map((l) => l.title), ['1 个成员 · 无主库']);
  });
});
