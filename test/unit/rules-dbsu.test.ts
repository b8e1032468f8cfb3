import { inventory, ruleTester } from '../helpers/ruleTester';

const meta = (vars: string) => inventory(`  pg-meta:\n    hosts: { 10.10.10.10: { pg_seq: 1, pg_role: primary } }\n    vars:\n      pg_cluster: pg-meta\n${vars}`);

ruleTester('dbsu rules', ['dbsu'], {
  valid: [
    { name: 'plain cluster without a dbsu password', yaml: meta('') },
    { name: 'an empty dbsu password outside Citus', yaml: meta("      pg_dbsu_password: ''\n") },
  ],
  invalid: [
    { name: 'dbsu password on a plain cluster → information on the value', yaml: meta('      pg_dbsu_password: Dbsu.Pass.1\n'), errors: [{ code: 'dbsu/password-outside-citus', line: 12, severity: 'information', data: { cluster: 'pg-meta' } }] },
    {
      name: 'Citus cluster with no dbsu password → error on the cluster line',
      yaml: meta('      pg_mode: citus\n      pg_shard: pg-meta\n      pg_group: 0\n      pg_extensions: [citus]\n'),
      errors: [{ code: 'dbsu/citus-empty-password', line: 8, severity: 'error', data: { cluster: 'pg-meta' } }],
    },
  ],
});
