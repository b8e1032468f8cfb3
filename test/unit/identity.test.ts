import { inventory, ruleTester } from '../helpers/ruleTester';

const pgMeta = (hosts: string) => inventory(`
  pg-meta:
    hosts:
${hosts}
    vars: { pg_cluster: pg-meta }
`);

ruleTester('identity rules', ['identity'], {
  valid: [
    { name: 'three-node cluster with one primary', yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: primary }\n      10.10.10.11: { pg_seq: 2, pg_role: replica }\n      10.10.10.12: { pg_seq: 3, pg_role: offline }') },
    { name: 'pg_seq as a digit string is accepted by the role', yaml: pgMeta("      10.10.10.10: { pg_seq: '1', pg_role: primary }") },
    { name: 'pg_seq 0 is allowed', yaml: pgMeta('      10.10.10.10: { pg_seq: 0, pg_role: primary }') },
  ],
  invalid: [
    {
      name: 'duplicate pg_seq → error on the second, naming both hosts',
      yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: primary }\n      10.10.10.11: { pg_seq: 1, pg_role: replica }'),
      errors: [{ code: 'identity/pg-seq', line: 11, data: { seq: 1, host: '10.10.10.11', other: '10.10.10.10', cluster: 'pg-meta' } }],
    },
    {
      name: 'two primaries → error on the second primary',
      yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: primary }\n      10.10.10.11: { pg_seq: 2, pg_role: primary }'),
      errors: [{ code: 'identity/primary-count', line: 11, data: { host: '10.10.10.11', other: '10.10.10.10' } }],
    },
    {
      name: 'no primary → error on the cluster line',
      yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: replica }\n      10.10.10.11: { pg_seq: 2, pg_role: replica }'),
      errors: [{ code: 'identity/primary-count', line: 8, data: { cluster: 'pg-meta', count: 2 } }],
    },
    {
      name: 'pg_role: master → suggests primary',
      yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: master }'),
      errors: [{ code: 'identity/pg-role', line: 10, data: { value: 'master', suggestion: 'primary' } }],
    },
    {
      name: 'missing pg_role and pg_seq → errors on the host key',
      yaml: pgMeta('      10.10.10.10: { pg_seq: 1, pg_role: primary }\n      10.10.10.11: {}'),
      errors: [
        { code: 'identity/pg-role', line: 11, data: { host: '10.10.10.11' } },
        { code: 'identity/pg-seq', line: 11, data: { host: '10.10.10.11' } },
      ],
    },
    {
      name: 'negative pg_seq',
      yaml: pgMeta('      10.10.10.10: { pg_seq: -1, pg_role: primary }'),
      errors: [{ code: 'identity/pg-seq', line: 10, data: { value: '-1' } }],
    },
    {
      name: 'pg_cluster with underscore, and root',
      yaml: inventory(`
        pg_meta:
          hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }
          vars: { pg_cluster: pg_meta }
        root:
          hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }
          vars: { pg_cluster: root }
      `),
      errors: [
        { code: 'identity/pg-cluster-name', line: 10, data: { value: 'pg_meta' } },
        { code: 'identity/pg-cluster-name', line: 13, message: 'root' },
      ],
    },
    {
      name: 'infra_seq and etcd_seq missing or negative',
      yaml: 'all:\n  vars: { admin_ip: 10.10.10.10 }\n  children:\n    infra: { hosts: { 10.10.10.10: {} } }\n    etcd:\n      hosts: { 10.10.10.10: { etcd_seq: -2 } }\n      vars: { etcd_cluster: etcd }\n',
      errors: [
        { code: 'identity/infra-seq', line: 4, data: { host: '10.10.10.10' } },
        { code: 'identity/etcd-seq', line: 6, data: { value: '-2' } },
      ],
    },
    {
      name: 'admin_ip missing → on all.vars; invalid → on the value',
      yaml: 'all:\n  vars:\n    admin_ip: 10.10.10.300\n  children:\n    infra: { hosts: { 10.10.10.10: { infra_seq: 1 } } }\n',
      errors: [{ code: 'identity/admin-ip', line: 3, data: { value: '10.10.10.300' } }],
    },
    {
      name: 'cluster membership follows the effective pg_cluster, not the group (Citus layout)',
      yaml: inventory(`
        pg-citus:
          hosts:
            10.10.10.21: { pg_cluster: pg-citus0, pg_seq: 1, pg_role: primary }
            10.10.10.22: { pg_cluster: pg-citus0, pg_seq: 1, pg_role: replica }
            10.10.10.23: { pg_cluster: pg-citus1, pg_seq: 1, pg_role: primary }
          vars: { pg_mode: citus, pg_shard: pg-citus }
      `),
      errors: [{ code: 'identity/pg-seq', line: 11, data: { cluster: 'pg-citus0', seq: 1 } }],
    },
  ],
});
