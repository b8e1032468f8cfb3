// YAML features real inventories use: anchors, aliases and merge keys resolve into effective
// values (pointing at the anchor); alias bombs are bounded; several documents; Ansible Vault
// and !unsafe tags; very long lines; files over 5 MB get syntax checks only.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { MAX_ALIAS_EXPANSION } from '../../server/src/engine/aliases';
import { MAX_SEMANTIC_BYTES } from '../../server/src/engine/parse';
import { dedent, lineOf } from '../helpers/ruleTester';

const ETCD = '    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }\n';

function at(text: string, offset: number | undefined): number {
  assert.ok(offset !== undefined);
  return text.slice(0, offset).split('\n').length;
}

describe('YAML features of real inventories', () => {
  const merged = dedent(`
    all:
      vars: { admin_ip: 10.10.10.10 }
      children:
        pg-a:
          hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
          vars: &pgvars
            pg_cluster: pg-a
            pg_version: 16
            <<: &base { pg_conf: oltp.yml, pg_databases: [] }
        pg-b:
          hosts: { 10.10.10.12: { pg_seq: 1, pg_role: primary } }
          vars:
            pg_cluster: pg-b
            <<: [ *pgvars, { pg_version: 13 } ]
  `) + ETCD;

  it('merge keys give effective values that point at the anchor; written keys win; nested merges flatten', () => {
    const a = analyze(merged);
    const version = a.resolver.get('10.10.10.12', 'pg_version')!;
    assert.equal(version.value, 16, 'the first merged source wins over the later one');
    assert.equal(at(merged, version.entry?.keyNode.range?.[0]), 8, 'pg_version is written in the anchor, line 8');
    assert.equal(version.entry?.mergedBy?.source, '<<');
    assert.equal(a.resolver.get('10.10.10.12', 'pg_cluster')!.value, 'pg-b', 'a key written in the map beats a merged one');
    const conf = a.resolver.get('10.10.10.12', 'pg_conf')!;
    assert.equal(conf.value, 'oltp.yml', 'a merge inside a merged anchor is flattened');
    assert.equal(at(merged, conf.entry?.keyNode.range?.[0]), 9);
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
  });

  it('an alias value resolves to the anchored value', () => {
    const text = dedent(`
      all:
        vars: { admin_ip: &admin 10.10.10.10, pg_vip_address: 10.10.10.3/24 }
        children:
          infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }
          pg-a:
            hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary, node_admin_ip: *admin } }
            vars: { pg_cluster: pg-a }
    `) + ETCD;
    const a = analyze(text);
    assert.equal(a.resolver.get('10.10.10.11', 'node_admin_ip')?.value, '10.10.10.10');
  });

  it('an alias bomb gives one clear yaml/alias-limit error on an alias, quickly, and no semantic finding', () => {
    let text = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 9; i++) text += `    l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    text += '  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }, vars: { pg_cluster: pg-a } }\n';
    const a = analyze(text);
    assert.deepEqual(a.findings.map((f) => `${lineOf(text, f)}:${f.code}:${f.severity}`), ['13:yaml/alias-limit:error']);
    assert.equal(a.findings[0].data.limit, MAX_ALIAS_EXPANSION);
    assert.match(a.findings[0].message, /alias bomb/);
    assert.match(text.slice(a.findings[0].span.start, a.findings[0].span.end), /^\*l8$/);
    assert.match(analyze(text, { lang: 'zh-cn' }).findings[0].message, /别名炸弹/);
  });

  it('a recursive alias is reported, not followed', () => {
    const text = 'all:\n  vars: &v\n    admin_ip: 10.10.10.10\n    again: *v\n  children: {}\n';
    const a = analyze(text);
    assert.deepEqual(a.findings.map((f) => `${lineOf(text, f)}:${f.code}`), ['4:yaml/alias-limit']);
    assert.match(a.findings[0].message, /contains it/);
  });

  it('ordinary reuse of anchors stays below the bound', () => {
    let text = 'all:\n  vars:\n    admin_ip: 10.10.10.10\n    users: &users [' + Array.from({ length: 50 }, (_, i) => `{ name: u${i}, password: p${i} }`).join(', ') + ']\n  children:\n';
    for (let i = 0; i < 40; i++) text += `    pg-c${i}: { hosts: { 10.10.${i}.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-c${i}, pg_users: *users } }\n`;
    assert.deepEqual(analyze(text).findings.filter((f) => f.code.startsWith('yaml/')), []);
  });

  it('several documents: the one with `all` is the inventory; problems elsewhere keep their lines', () => {
    const text = '# header\n---\nfoo: a: b\n---\nall:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }, vars: { pg_cluster: pg-a } }\n' + ETCD;
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => `${lineOf(text, f)}:${f.code}`), ['3:yaml/syntax', '8:identity/pg-role']);
  });

  it('!vault and !unsafe values are opaque strings: no YAML problem, no type complaint', () => {
    const text = dedent(`
      all:
        vars:
          admin_ip: 10.10.10.10
          pg_admin_password: !vault |
            $ANSIBLE_VAULT;1.1;AES256
            62313365396662343061393464336163383764373764613633653634306231386433626436623361
          pg_monitor_password: !unsafe 'p{{a}}ss'
          pg_replication_password: !vault "$ANSIBLE_VAULT;1.1;AES256\\n6231"
        children:
          pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-a } }
    `) + ETCD;
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || f.code.startsWith('yaml/')).map((f) => `${lineOf(text, f)}:${f.code}`), []);
    const v = a.inventory.globalVars.get('pg_admin_password')!.value;
    assert.equal(typeof v, 'string');
    assert.match(String(v), /^\$ANSIBLE_VAULT;1\.1;AES256\n6231/);
    assert.equal(a.inventory.globalVars.get('pg_monitor_password')!.value, 'p{{a}}ss');
  });

  it('a very long line is checked like any other, with exact positions after it', () => {
    const long = 'x'.repeat(2_000_000);
    const text = `all:\n  vars: { admin_ip: 10.10.10.10, pg_comment: "${long}" }\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }, vars: { pg_cluster: pg-a } }\n` + ETCD;
    const a = analyze(text);
    const role = a.findings.find((f) => f.code === 'identity/pg-role')!;
    assert.equal(lineOf(text, role), 4);
    assert.equal(text.slice(role.span.start, role.span.end), 'master');
  });

  it('over 5 MB: YAML syntax only, with an information finding that says so', () => {
    const filler = '# ' + 'padding '.repeat(120) + '\n';
    const head = 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    pg-a: { hosts: { 10.10.10.11: { pg_seq: 1, pg_role: master } }, vars: { pg_cluster: pg-a } }\n    bad: [1, 2\n';
    const text = head + filler.repeat(Math.ceil((MAX_SEMANTIC_BYTES + 1) / filler.length));
    assert.ok(text.length > MAX_SEMANTIC_BYTES);
    const a = analyze(text);
    const codes = a.findings.map((f) => `${f.code}:${f.severity}`);
    assert.ok(codes.includes('engine/syntax-only:information'), codes.join());
    assert.ok(codes.some((c) => c.startsWith('yaml/syntax:error')), 'syntax is still checked');
    assert.ok(!codes.some((c) => c.startsWith('identity/')), 'no semantic check');
    assert.match(a.findings.find((f) => f.code === 'engine/syntax-only')!.message, /only YAML syntax is checked above 5 MB/);
    const small = analyze(head.replace('    bad: [1, 2\n', '') + ETCD).findings.map((f) => f.code);
    assert.ok(small.includes('identity/pg-role') && !small.includes('engine/syntax-only'));
  });

  it('a key that is itself a list is checked without a warning printed to the process (the output channel)', () => {
    // yaml prints "Keys with collection values will be stringified" when it turns such a map into
    // an object; in the server that goes to stderr, which VS Code shows in the output channel
    const text = dedent(`
      all:
        children:
          etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } }, vars: { etcd_cluster: etcd } }
        vars:
          admin_ip: 10.10.10.10
          node_etc_hosts:
            ? [a, b]
            : 1
    `);
    const printed: string[] = [];
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error) => void printed.push(String(warning))) as typeof process.emitWarning;
    let codes: string[];
    try {
      codes = analyze(text).findings.map((f) => f.code);
    } finally {
      process.emitWarning = emitWarning;
    }
    assert.deepEqual(codes, ['params/type']);
    assert.deepEqual(printed, []);
  });
});
