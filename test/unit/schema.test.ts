import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { jsonSchemaText } from '../../server/src/catalog/jsonSchema';
import { parseText } from '../../server/src/engine/parse';
import { corpusFiles, corpusName } from '../helpers/corpus';

const SCHEMA_FILE = path.resolve(__dirname, '../../../schemas/pigsty.schema.json');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

function toJs(text: string): unknown {
  return parseText(text).inventoryDoc!.toJS({ maxAliasCount: 1000 });
}

describe('schemas/pigsty.schema.json', () => {
  it('is up to date with the zod catalog (run `npm run gen:schema` when this fails)', () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), jsonSchemaText());
  });

  it('validates every corpus template with zero errors (ajv, strict mode)', () => {
    const validate = validator();
    const files = corpusFiles();
    assert.equal(files.length, 53);
    const failures: string[] = [];
    for (const f of files) {
      if (!validate(toJs(fs.readFileSync(f, 'utf8')))) {
        failures.push(`${corpusName(f)}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('rejects wrong types, enum values and item shapes, like the linter', () => {
    const validate = validator();
    const bad = toJs([
      'all:',
      '  vars: { admin_ip: 10.10.10.10, node_firewall_mode: off }',
      '  children:',
      '    pg-test:',
      '      hosts: { 10.10.10.11: { pg_seq: 1, pg_role: primary, pg_upstream: pg-test-2 } }',
      '      vars:',
      '        pg_cluster: pg-test',
      '        pg_mode: pgsq',
      '        pg_users: [{ password: x }]',
      '        pg_hba_rules: [{ addr: wrld, auth: pwd }]',
      '        infra_portal: { home: { domain: i.pigsty, schema: https } }',
    ].join('\n'));
    assert.equal(validate(bad), false);
    const paths = new Set((validate.errors ?? []).map((e) => e.instancePath));
    for (const p of [
      '/all/vars/node_firewall_mode',
      '/all/children/pg-test/hosts/10.10.10.11/pg_upstream',
      '/all/children/pg-test/vars/pg_mode',
      '/all/children/pg-test/vars/pg_users/0',
      '/all/children/pg-test/vars/pg_hba_rules/0/addr',
      '/all/children/pg-test/vars/infra_portal/home',
    ]) assert.ok(paths.has(p), `no error at ${p}: ${[...paths].join(', ')}`);
  });

  it('accepts unknown variables (the linter warns about them, the schema does not fail them)', () => {
    assert.equal(validator()(toJs('all:\n  vars: { my_own_var: 1, ansible_user: dba }\n  children: {}\n')), true);
  });
});
