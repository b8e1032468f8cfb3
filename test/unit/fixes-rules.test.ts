import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inventory } from '../helpers/ruleTester';
import { applyFix, errorsOf, lint } from '../helpers/fixTester';

const dedentGroup = (y: string) => y.replace(/^\n/, '').replace(/^(?=.)/gm, '    ');

const citus = (hosts: string, vars = '') => inventory(`
  pg-citus:
    hosts:
${hosts}
    vars:
      pg_mode: citus
      pg_shard: pg-citus
      pg_primary_db: citus
      pg_dbsu_password: Xk29aLmQ7pWz
      pg_extensions: [ citus, postgis ]
      pg_libs: 'citus, pg_stat_statements'
      pg_databases: [ { name: citus, extensions: [ citus ] } ]
${vars}`);

describe('quick fixes: Citus, VIP, etcd, parameters, passwords', () => {
  it('citus/cluster-name: renames the group on all its members', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }
      10.10.10.11: { pg_group: 1, pg_cluster: pg-work, pg_seq: 1, pg_role: primary }
      10.10.10.12: { pg_group: 1, pg_cluster: pg-work, pg_seq: 2, pg_role: replica }`);
    const out = applyFix(text, 'citus/cluster-name');
    assert.equal(out, text.replace(/pg-work/g, 'pg-citus1'));
  });

  it('citus/group-gap: renumbers the group after the gap (and its shard+group name)', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }
      10.10.10.11: { pg_group: 2, pg_cluster: pg-citus2, pg_seq: 1, pg_role: primary }`);
    const out = applyFix(text, 'citus/group-gap');
    assert.equal(out, text.replace('pg_group: 2, pg_cluster: pg-citus2', 'pg_group: 1, pg_cluster: pg-citus1'));
    assert.ok(!lint(out).some((f) => f.code.startsWith('citus/')));
  });

  it('citus/extension-missing: adds citus to pg_extensions', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }`).replace('pg_extensions: [ citus, postgis ]', 'pg_extensions: [ postgis ]');
    assert.equal(applyFix(text, 'citus/extension-missing'), text.replace('[ postgis ]', '[ postgis, citus ]'));
  });

  it('citus/primary-db: adds the Citus database, or citus to its extensions', () => {
    const base = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }`);
    const missing = base.replace('pg_databases: [ { name: citus, extensions: [ citus ] } ]', 'pg_databases: [ { name: meta } ]');
    assert.equal(applyFix(missing, 'citus/primary-db'), missing.replace('[ { name: meta } ]', '[ { name: meta }, { name: citus, extensions: [ citus ] } ]'));
    const noExt = base.replace('{ name: citus, extensions: [ citus ] }', '{ name: citus, extensions: [ vector ] }');
    assert.equal(applyFix(noExt, 'citus/primary-db'), noExt.replace('[ vector ]', '[ vector, citus ]'));
  });

  it('dbsu/citus-empty-password: sets a generated dbsu password', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }`).replace("pg_dbsu_password: Xk29aLmQ7pWz", "pg_dbsu_password: ''");
    const out = applyFix(text, 'dbsu/citus-empty-password');
    assert.match(out, /pg_dbsu_password: '[A-Za-z][A-Za-z0-9]{23}'\n/); // keeps the quotes it had
  });

  const vip = (address: string, iface = 'eth1') => inventory(`
    pg-test:
      hosts:
        10.10.10.11: { pg_seq: 1, pg_role: primary }
        10.10.10.12: { pg_seq: 2, pg_role: replica }
      vars:
        pg_cluster: pg-test
        pg_vip_enabled: true
        pg_vip_address: ${address}   # the cluster VIP
        pg_vip_interface: ${iface}
  `);

  it('vip/prefix-missing: adds /24', () => {
    const text = vip('10.10.10.3');
    assert.equal(applyFix(text, 'vip/prefix-missing'), text.replace('10.10.10.3   #', '10.10.10.3/24   #'));
  });

  it('vip/interface: sets auto for a value that cannot be a NIC', () => {
    const text = vip('10.10.10.3/24', "'eth 1'");
    assert.equal(applyFix(text, 'vip/interface'), text.replace("'eth 1'", "'auto'"));
  });

  it('etcd/cluster-name: sets etcd_cluster: etcd', () => {
    const text = inventory('').replace('vars: { etcd_cluster: etcd }', 'vars: { etcd_cluster: dcs }');
    assert.ok(errorsOf(text).some((e) => e.startsWith('etcd/cluster-name')));
    assert.equal(applyFix(text, 'etcd/cluster-name'), text.replace('etcd_cluster: dcs', 'etcd_cluster: etcd'));
  });

  it('params/unknown: corrects a misspelled parameter name', () => {
    const text = inventory(`
      pg-test:
        hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
        vars:
          pg_cluster: pg-test
          pg_vip_enable: true   # typo
          pg_vip_address: 10.10.10.3/24
          pg_vip_interface: eth1
    `);
    assert.equal(applyFix(text, 'params/unknown'), text.replace('pg_vip_enable:', 'pg_vip_enabled:'));
  });

  it('secrets/default-password: replaces one default everywhere it is written, with one new password', () => {
    const text = inventory(`
      pg-meta:
        hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
        vars:
          pg_cluster: pg-meta
          pg_users: [ { name: dbuser_meta, password: DBUser.Meta } ]
    `, `
      pg_admin_password: DBUser.Meta
    `);
    const out = applyFix(text, 'secrets/default-password');
    const pw = /pg_admin_password: ([A-Za-z0-9]{24})\n/.exec(out)?.[1];
    assert.ok(pw, out);
    assert.ok(out.includes(`password: ${pw} }`));
    assert.ok(!out.includes('DBUser.Meta'));
  });
  it('citus/libs-order: loads citus first, keeping the quotes', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }`).replace("'citus, pg_stat_statements'", "'pg_stat_statements, citus'");
    assert.equal(applyFix(text, 'citus/libs-order'), text.replace("'pg_stat_statements, citus'", "'citus, pg_stat_statements'"));
  });

  it('citus/group-invalid: gives a group-less cluster the next free pg_group', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }
      10.10.10.11: { pg_cluster: pg-citus1, pg_seq: 1, pg_role: primary }`);
    assert.equal(applyFix(text, 'citus/group-invalid'), text.replace('pg-citus1, pg_seq: 1, pg_role: primary }', 'pg-citus1, pg_seq: 1, pg_role: primary, pg_group: 1 }'));
  });

  it('etcd/seq-duplicate and infra/seq-duplicate: renumber the second member', () => {
    const text = 'all:\n  vars: { admin_ip: 10.10.10.10, version: v4.5.0 }\n  children:\n' +
      '    infra: { hosts: { 10.10.10.10: { infra_seq: 1 }, 10.10.10.11: { infra_seq: 1 } } }\n' +
      '    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 }, 10.10.10.11: { etcd_seq: 1 }, 10.10.10.12: { etcd_seq: 2 } }, vars: { etcd_cluster: etcd } }\n';
    assert.equal(applyFix(text, 'etcd/seq-duplicate'), text.replace('10.10.10.11: { etcd_seq: 1 }', '10.10.10.11: { etcd_seq: 3 }'));
    assert.equal(applyFix(text, 'infra/seq-duplicate'), text.replace('10.10.10.11: { infra_seq: 1 }', '10.10.10.11: { infra_seq: 2 }'));
  });

  it('identity/admin-ip: sets the missing admin_ip to the only infra node', () => {
    const text = inventory('').replace('    admin_ip: 10.10.10.10\n', '');
    assert.equal(applyFix(text, 'identity/admin-ip'), text.replace('    version: v4.5.0\n', '    version: v4.5.0\n    admin_ip: 10.10.10.10\n'));
  });
  it('citus/shard-missing: joins the shard the other groups name', () => {
    const text = citus(`
      10.10.10.10: { pg_group: 0, pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }`) + dedentGroup(`
pg-citus1:
  hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
  vars: { pg_cluster: pg-citus1, pg_mode: citus, pg_group: 1, pg_primary_db: citus, pg_dbsu_password: Xk29aLmQ7pWz, pg_extensions: [ citus ], pg_databases: [ { name: citus, extensions: [ citus ] } ] }
`);
    assert.equal(applyFix(text, 'citus/shard-missing'), text.replace('pg_databases: [ { name: citus, extensions: [ citus ] } ] }', 'pg_databases: [ { name: citus, extensions: [ citus ] } ], pg_shard: pg-citus }'));
  });
});
