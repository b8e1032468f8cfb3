import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsFor, inventory, ruleTester } from '../helpers/ruleTester';
import { actualMarks, errors, markedFixtureTests, readFixture } from './markedFixtures';

/** pg-test with the VIP in group vars; hosts from line 10, `pg_vip_address` on line 16 and extra vars from 17 with 3 hosts. */
const pgTest = (vip: string, extra = '', hosts = ['10.10.10.11', '10.10.10.12', '10.10.10.13']) =>
  inventory(
    '  pg-test:\n    hosts:\n' +
      hosts.map((ip, i) => `      ${ip}: { pg_seq: ${i + 1}, pg_role: ${i ? 'replica' : 'primary'} }\n`).join('') +
      `    vars:\n      pg_cluster: pg-test\n      pg_vip_enabled: true\n      pg_vip_address: ${vip}\n` +
      (extra ? extra.split('\n').map((l) => `      ${l}\n`).join('') : ''),
  );

ruleTester('vip rules', ['vip'], {
  valid: [
    { name: 'VIP /24 in the members subnet', yaml: pgTest('10.10.10.3/24') },
    { name: 'interface auto and a real NIC name', yaml: pgTest('10.10.10.3/24', 'pg_vip_interface: auto') + '' },
    { name: 'VLAN-style NIC name', yaml: pgTest('10.10.10.3/24', 'pg_vip_interface: eth0.100') },
    { name: 'disabled VIP is not checked', yaml: pgTest('10.10.10.3/24').replace('pg_vip_enabled: true', 'pg_vip_enabled: false').replace('10.10.10.3/24', '127.0.0.1/24') },
    {
      name: 'node VIP with vrid, unique per subnet',
      yaml: inventory('  proxy:\n    hosts: { 10.10.10.18: { vip_role: master }, 10.10.10.19: { vip_role: backup } }\n    vars: { vip_enabled: true, vip_address: 10.10.10.20, vip_vrid: 20 }\n'),
    },
  ],
  invalid: [
    { name: 'no prefix → warning, netmask 24 assumed', yaml: pgTest('10.10.10.3'), errors: [{ code: 'vip/prefix-missing', line: 16, severity: 'warning', data: { vip: '10.10.10.3', prefix: 24 }, message: '`${vip}` in `pg_listen`' }] },
    { name: 'prefix 33', yaml: pgTest('10.10.10.3/33'), errors: [{ code: 'vip/prefix-range', line: 16, data: { prefix: '33' } }] },
    { name: 'not an IPv4', yaml: pgTest('10.10.10.300/24'), errors: [{ code: 'vip/address-invalid', line: 16, data: { address: '10.10.10.300' } }] },
    { name: 'broadcast address', yaml: pgTest('10.10.10.255/24'), errors: [{ code: 'vip/network-address', line: 16, data: { kind: 'broadcast', vip: '10.10.10.255' } }] },
    {
      name: 'member outside a /30 → on that host, related to the VIP',
      yaml: pgTest('10.10.10.14/30'),
      errors: [{ code: 'vip/member-outside-subnet', line: 10, data: { host: '10.10.10.11', vip: '10.10.10.14', prefix: 30 } }],
    },
    { name: 'VIP equals a host IP', yaml: pgTest('10.10.10.10/24'), errors: [{ code: 'vip/host-ip-collision', line: 16, data: { host: '10.10.10.10' } }] },
    { name: 'default 127.0.0.1/24 written out → on the value', yaml: pgTest('127.0.0.1/24'), errors: [{ code: 'vip/address-missing', line: 16, data: { cluster: 'pg-test' } }] },
    { name: 'interface with a space', yaml: pgTest('10.10.10.3/24', "pg_vip_interface: 'eth 0'"), errors: [{ code: 'vip/interface', line: 17, data: { value: 'eth 0', param: 'pg_vip_interface' } }] },
    { name: 'interface is an IP', yaml: pgTest('10.10.10.3/24', 'pg_vip_interface: 10.10.10.11'), errors: [{ code: 'vip/interface', line: 17 }] },
    {
      name: 'v4.3.0 inventory without interface → eth0 default noted; auto warned',
      yaml: pgTest('10.10.10.3/24').replace('version: v4.5.0', 'version: v4.3.0'),
      errors: [{ code: 'vip/interface', line: 8, severity: 'information', data: { since: 'v4.4.0', version: 'v4.3.0' } }],
    },
    {
      name: 'node VIP without address and with vrid 255',
      yaml: inventory('  proxy:\n    hosts: { 10.10.10.18: { vip_role: master } }\n    vars:\n      vip_enabled: true\n      vip_vrid: 255\n'),
      errors: [
        { code: 'vip/node-vip', line: 11, data: { host: '10.10.10.18' }, message: 'no `vip_address`' },
        { code: 'vip/node-vip', line: 12, data: { value: '255' } },
      ],
    },
  ],
});

describe('vip fixtures and seed', () => {
  markedFixtureTests('vip', ['vip', 'citus']);
  it('seed VIP cluster (per-instance interfaces) lints with no error and no VIP finding', () => {
    const text = readFixture('seed/vip-pg-test.yml');
    assert.deepEqual(errors(text), []);
    assert.deepEqual(actualMarks(text, ['vip']), []);
  });
  it('auto on a v4.3.0 inventory is a warning', () => {
    const yaml = pgTest('10.10.10.3/24', 'pg_vip_interface: auto').replace('version: v4.5.0', 'version: v4.3.0');
    assert.deepEqual(findingsFor(yaml, ['vip/interface']).map((f) => [f.severity, f.data.param]), [['warning', 'pg_vip_interface']]);
  });
});
