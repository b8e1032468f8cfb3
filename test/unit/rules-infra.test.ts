import { describe } from 'node:test';
import { inventory, ruleTester } from '../helpers/ruleTester';
import { markedFixtureTests } from './markedFixtures';

ruleTester('infra rules', ['infra'], {
  valid: [
    { name: 'admin_ip on the infra node, endpoints via ${admin_ip}', yaml: inventory('', "infra_portal: { minio: { domain: m.pigsty, endpoint: '${admin_ip}:9001' } }\nnode_etc_hosts: [ '${admin_ip} i.pigsty' ]") },
    { name: 'a VIP in node_etc_hosts is known', yaml: inventory('  proxy: { hosts: { 10.10.10.18: {} }, vars: { vip_enabled: true, vip_address: 10.10.10.9, vip_vrid: 9 } }', "node_etc_hosts: [ '10.10.10.9 sss.pigsty' ]") },
    { name: 'an address outside the inventory subnets is not judged', yaml: inventory('', "node_etc_hosts: [ '172.16.5.5 ntp.corp' ]") },
    { name: 'etcd_clean on a v3.5.0 inventory still works there', yaml: inventory('', 'etcd_clean: true').replace('version: v4.5.0', 'version: v3.5.0') },
    { name: 'no infra group: admin_ip is not judged', yaml: 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    etcd: { hosts: { 10.10.10.10: { etcd_seq: 1 } } }\n' },
  ],
  invalid: [
    { name: 'admin_ip not an infra member', yaml: inventory('').replace('admin_ip: 10.10.10.10', 'admin_ip: 10.10.10.11'), errors: [{ code: 'infra/admin-not-infra', line: 3, severity: 'warning', data: { adminIp: '10.10.10.11' } }] },
    { name: 'stale IP in node_etc_hosts → on that item', yaml: inventory('', "node_etc_hosts:\n  - '10.10.10.11 old.pigsty'"), errors: [{ code: 'infra/stale-ip', line: 6, data: { ip: '10.10.10.11', param: 'node_etc_hosts' } }] },
    { name: 'removed parameter etcd_clean', yaml: inventory('', 'etcd_clean: true'), errors: [{ code: 'infra/removed-param', line: 5, data: { param: 'etcd_clean', removedIn: 'v3.6.0' } }] },
    { name: 'minio_cluster in all.vars', yaml: inventory('', 'minio_cluster: minio'), errors: [{ code: 'infra/minio-cluster-global', line: 5 }] },
  ],
});

describe('infra fixtures', () => {
  markedFixtureTests('infra', ['infra', 'dbsu']);
});
