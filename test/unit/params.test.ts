import { inventory, ruleTester } from '../helpers/ruleTester';

// line numbers: 1 all, 2 vars, 3 admin_ip, 4 version, [extra vars], children, infra, etcd, then these
const pgTest = (vars: string, hosts = '      10.10.10.11: { pg_seq: 1, pg_role: primary }\n      10.10.10.12: { pg_seq: 2, pg_role: replica }') =>
  `  pg-test:\n    hosts:\n${hosts}\n    vars:\n      pg_cluster: pg-test\n${vars}`;

ruleTester('params rules', ['params'], {
  valid: [
    { name: 'Ansible host variables are legal everywhere', yaml: inventory(pgTest('      ansible_user: dba\n      ansible_become_method: sudo', '      10.10.10.11: { pg_seq: 1, pg_role: primary, ansible_host: 1.2.3.4, ansible_port: 22 }'), 'ansible_ssh_private_key_file: ~/.ssh/id') },
    { name: 'YAML 1.1 booleans, digit strings for ints, Jinja and placeholders', yaml: inventory(pgTest("      pg_checksum: yes\n      pg_port: '5432'\n      pg_listen: '${ip},${vip},${lo}'\n      repo_packages: '{{ repo_packages_default | list }}'\n      patroni_watchdog_mode: off")) },
    { name: 'role features bin/validate rejects (rules-reference §3.5)', yaml: inventory(pgTest(
      '      pg_users:\n        - { name: dbuser_app, state: absent, roles: [dbrole_readwrite, { name: dbrole_admin, admin: true, state: grant }] }\n' +
      '      pg_databases:\n        - { name: app, state: recreate, strategy: FILE_COPY, schemas: [app, { name: ext, owner: dbuser_app }] }\n' +
      '      pg_services:\n        - { name: standby, port: 5435, ip: "*", selector: "[]", dest: 6432 }\n' +
      '      pg_hba_rules:\n        - { addr: intranet, auth: reject, user: all, db: all }\n        - { addr: 10.0.0.1, auth: pwd }\n        - { title: raw, rules: ["host all all 0.0.0.0/0 md5"], role: primary }')) },
    { name: 'an unknown name used in a Jinja expression is the user\'s own variable', yaml: inventory(pgTest("      my_domain: example.com\n      pg_parameters: { 'app.domain': '{{ my_domain }}' }")) },
    { name: 'a single-host group may hold etcd_seq in its vars', yaml: inventory('  etcd2: { hosts: { 10.10.10.20: {} }, vars: { etcd_seq: 1 } }') },
    { name: 'redis_instances and infra_portal entries', yaml: inventory("  redis-ms:\n    hosts: { 10.10.10.10: { redis_node: 1, redis_instances: { 6379: {}, 6380: { replica_of: '10.10.10.10 6379' } } } }\n    vars: { redis_cluster: redis-ms }", "infra_portal: { home: { domain: i.pigsty }, grafana: { domain: g.pigsty, endpoint: '${admin_ip}:3000', websocket: true } }") },
  ],
  invalid: [
    {
      name: 'misspelt parameter → warning naming the nearest known name',
      yaml: inventory(pgTest('      pg_vip_adress: 10.10.10.3/24')),
      errors: [{ code: 'params/unknown', line: 14, severity: 'warning', data: { name: 'pg_vip_adress', suggestion: 'pg_vip_address' }, message: 'did you mean `pg_vip_address`' }],
    },
    {
      name: 'unknown name with nothing close → plain warning naming the version',
      yaml: inventory(pgTest('      zzz_totally_custom: 1')),
      errors: [{ code: 'params/unknown', line: 14, data: { name: 'zzz_totally_custom', version: 'v4.5.0' } }],
    },
    {
      name: 'pg_seq in all.vars → error',
      yaml: inventory(pgTest(''), 'pg_seq: 1'),
      errors: [{ code: 'params/level', line: 5, severity: 'error', data: { name: 'pg_seq' } }],
    },
    {
      name: 'pg_role in group vars, pg_cluster in all.vars → errors',
      yaml: inventory(pgTest('      pg_role: replica'), 'pg_cluster: pg-test'),
      errors: [
        { code: 'params/level', line: 5, data: { name: 'pg_cluster' }, message: 'member' },
        { code: 'params/level', line: 15, data: { name: 'pg_role', place: 'group `pg-test` vars' } },
      ],
    },
    {
      name: 'enum and type errors: pg_mode, pg_conf, pgbouncer_poolmode, pg_port',
      yaml: inventory(pgTest('      pg_mode: pgsq\n      pg_conf: oltp\n      pgbouncer_poolmode: txn\n      pg_port: 99999')),
      errors: [
        { code: 'params/type', line: 14, data: { path: 'pg_mode', value: 'pgsq' }, message: '`pgsql`' },
        { code: 'params/type', line: 15, data: { path: 'pg_conf', value: 'oltp' }, message: '`oltp.yml`' },
        { code: 'params/type', line: 16, data: { path: 'pgbouncer_poolmode', value: 'txn' } },
        { code: 'params/type', line: 17, data: { path: 'pg_port', value: '99999' }, message: 'port number' },
      ],
    },
    {
      name: 'pg_rto in seconds (pre-v4.0 form) → warning: silently treated as norm',
      yaml: inventory(pgTest('      pg_rto: 30')),
      errors: [{ code: 'params/type', line: 14, severity: 'warning', data: { value: '30' }, message: '`norm`' }],
    },
    {
      name: 'unquoted off where a word is expected → YAML 1.1 hint',
      yaml: inventory(pgTest('      node_firewall_mode: off')),
      errors: [{ code: 'params/type', line: 14, data: { source: 'off', value: 'false' }, message: "quote it: `'off'`" }],
    },
    {
      name: 'HBA addr and auth, a pg_users item without name, an unknown item field',
      yaml: inventory(pgTest('      pg_hba_rules:\n        - { user: all, db: all, addr: wrld, auth: password }\n      pg_users:\n        - { name: dbuser_a, passwd: x }\n        - { password: y2 }')),
      errors: [
        { code: 'params/type', line: 15, data: { path: 'pg_hba_rules[0].addr', value: 'wrld' } },
        { code: 'params/type', line: 15, data: { path: 'pg_hba_rules[0].auth', value: 'password' }, message: '`scram-sha-256`' },
        { code: 'params/unknown-field', line: 17, data: { field: 'passwd', param: 'pg_users', suggestion: 'password' } },
        { code: 'params/type', line: 18, data: { path: 'pg_users[1]', field: 'name' }, message: 'required field `name`' },
      ],
    },
    {
      name: 'infra_portal `schema` (the docs misspelling) → did you mean scheme',
      yaml: inventory(pgTest(''), "infra_portal: { home: { domain: i.pigsty, schema: https } }"),
      errors: [{ code: 'params/unknown-field', line: 5, data: { field: 'schema', suggestion: 'scheme' } }],
    },
    {
      name: 'derived pg_instance set by hand → warning',
      yaml: inventory(pgTest('', '      10.10.10.11: { pg_seq: 1, pg_role: primary, pg_instance: pg-test-1 }')),
      errors: [{ code: 'params/derived', line: 10, severity: 'warning', data: { name: 'pg_instance' } }],
    },
    {
      name: 'parameter newer than the declared version → warning naming both versions',
      yaml: inventory(pgTest('      pg_io_method: worker')).replace('version: v4.5.0', 'version: v3.7.0'),
      errors: [{ code: 'params/not-yet', line: 14, data: { name: 'pg_io_method', since: 'v4.0.0', version: 'v3.7.0' } }],
    },
    {
      name: 'messages in Simplified Chinese',
      lang: 'zh-cn',
      yaml: inventory(pgTest('      pg_vip_adress: 10.10.10.3/24')),
      errors: [{ code: 'params/unknown', line: 14, message: '是否应为 `pg_vip_address`' }],
    },
  ],
});
