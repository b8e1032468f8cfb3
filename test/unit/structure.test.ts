import { inventory, ruleTester } from '../helpers/ruleTester';

ruleTester('structure rules', ['structure'], {
  valid: [
    { name: 'minimal inventory', yaml: inventory('') },
    { name: 'host in pg group, infra and etcd at once', yaml: inventory('pg-meta: { hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }, vars: { pg_cluster: pg-meta } }') },
  ],
  invalid: [
    { name: 'not an inventory', yaml: 'foo: bar\n', errors: [{ code: 'structure/missing-all', line: 1 }] },
    { name: 'all is a list', yaml: 'all:\n  - a\n', errors: [{ code: 'structure/missing-all', line: 2, data: { kind: 'a list' } }] },
    { name: 'no children', yaml: 'all:\n  vars: { admin_ip: 10.10.10.10 }\n', errors: [{ code: 'structure/children', line: 1 }] },
    {
      name: 'host key that is not an IPv4',
      yaml: inventory('pg-test:\n  hosts: { db-host-1: { pg_seq: 1, pg_role: primary } }\n  vars: { pg_cluster: pg-test }'),
      errors: [{ code: 'structure/host-not-ipv4', line: 9, data: { host: 'db-host-1', group: 'pg-test' } }],
    },
    {
      name: 'empty group, empty hosts and vars as a list',
      yaml: inventory('app:\nweb:\n  hosts: {}\ndb:\n  hosts: { 10.10.10.12: }\n  vars: [ a ]'),
      errors: [
        { code: 'structure/group-hosts', line: 8, data: { group: 'app' } },
        { code: 'structure/group-hosts', line: 10, data: { group: 'web' } },
        { code: 'structure/vars-not-map', line: 13, data: { where: 'db.vars' } },
      ],
    },
    {
      name: 'host in two pgsql groups → error on the second',
      yaml: inventory('pg-a:\n  hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n  vars: { pg_cluster: pg-a }\npg-b:\n  hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary } }\n  vars: { pg_cluster: pg-b }'),
      errors: [{ code: 'structure/host-in-two-groups', line: 12, data: { host: '10.10.10.11', module: 'pgsql', first: 'pg-a', second: 'pg-b' } }],
    },
    {
      name: 'host value that is a scalar',
      yaml: inventory('pg-a:\n  hosts: { 10.10.10.11: primary }\n  vars: { pg_cluster: pg-a }'),
      errors: [{ code: 'structure/host-vars-not-map', line: 9, data: { host: '10.10.10.11' } }],
    },
  ],
});
