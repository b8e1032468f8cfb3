import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describe as describeParam, docsLink, hasOwnDescription } from '../../server/src/catalog/descriptions';
import { breakingPlacement, offeredAt } from '../../server/src/catalog/levels';
import { PARAMS, param } from '../../server/src/catalog/params';
import { paramSchema } from '../../server/src/catalog/schemas';
import { editDistance, nearest } from '../../server/src/catalog/suggest';
import { fieldsAt, validateParam } from '../../server/src/catalog/validate';

const names = PARAMS.map((p) => p.name);

describe('catalog: nearest name', () => {
  it('finds the intended parameter for typical typos', () => {
    assert.equal(nearest('pg_vip_adress', names), 'pg_vip_address');
    assert.equal(nearest('pg_clsuter', names), 'pg_cluster');
    assert.equal(nearest('PG_MODE', names), 'pg_mode');
    assert.equal(nearest('pgbouncer_pool_mode', names), 'pgbouncer_poolmode');
  });
  it('gives nothing when no name is close', () => {
    assert.equal(nearest('zzz_totally_custom', names), undefined);
    assert.equal(nearest('ab', names), undefined);
  });
  it('counts an adjacent swap as one edit', () => {
    assert.equal(editDistance('pg_mdoe', 'pg_mode'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
  });
});

describe('catalog: schemas', () => {
  it('has a schema for every non-derived parameter, none for derived facts', () => {
    for (const p of PARAMS) assert.equal(!!paramSchema(p.name), p.kind !== 'derived', p.name);
  });
  it('checks enums, ports, IPs and CIDRs', () => {
    assert.deepEqual(validateParam('pg_mode', 'citus'), []);
    assert.equal(validateParam('pg_mode', 'oracle')[0]?.kind, 'type');
    assert.deepEqual(validateParam('pg_vip_address', '10.10.10.3/24'), []);
    assert.equal(validateParam('pg_vip_address', '10.10.10.300/24').length, 1);
    assert.equal(validateParam('pg_upstream', 'pg-test-1').length, 1);
    assert.deepEqual(validateParam('pg_upstream', '10.10.10.11'), []);
    assert.deepEqual(validateParam('pg_port', '{{ my_port }}'), []);
    assert.deepEqual(validateParam('vip_role', 'MASTER'), []);
    assert.deepEqual(validateParam('pg_max_conn', 'auto'), []);
    assert.equal(validateParam('pg_max_conn', 'many').length, 1);
  });
  it('names the path of a bad field inside a list item', () => {
    const problems = validateParam('pg_services', [{ name: 'x', port: 5440, selector: '[]', balance: 'random' }]);
    assert.deepEqual(problems.map((p) => [p.kind, p.path]), [['type', [0, 'balance']]]);
  });
  it('lists the fields of pg_users and pg_databases items', () => {
    assert.ok(fieldsAt(paramSchema('pg_users')!, [0]).includes('pool_connlimit'));
    assert.ok(fieldsAt(paramSchema('pg_databases')!, [0]).includes('register_datasource'));
    assert.ok(!fieldsAt(paramSchema('pg_databases')!, [0]).includes('pool_size_reserve'), 'dropped in v4.1.0');
  });
});

describe('catalog: levels', () => {
  it('flags identities placed where hosts share them', () => {
    assert.equal(breakingPlacement('pg_seq', 'global', 0), 'instance-global');
    assert.equal(breakingPlacement('pg_role', 'group', 1), 'instance-group');
    assert.equal(breakingPlacement('etcd_seq', 'group', 1), null);
    assert.equal(breakingPlacement('etcd_seq', 'group', 3), 'instance-group');
    assert.equal(breakingPlacement('redis_cluster', 'global', 0), 'membership-global');
    assert.equal(breakingPlacement('pg_seq', 'host', 1), null);
  });
  it('offers cluster parameters in groups and hosts, identities only in hosts', () => {
    assert.ok(offeredAt(param('pg_vip_interface')!, 'group'));
    assert.ok(offeredAt(param('pg_vip_interface')!, 'host'));
    assert.ok(!offeredAt(param('pg_seq')!, 'global'));
    assert.ok(!offeredAt(param('pg_seq')!, 'group'));
    assert.ok(offeredAt(param('pg_seq')!, 'host'));
    assert.ok(!offeredAt(param('pg_instance')!, 'group'), 'derived facts are never offered');
  });
});

describe('catalog: descriptions and links', () => {
  it('links each parameter to its module page', () => {
    assert.equal(docsLink(param('pg_vip_address')!), 'https://pigsty.io/docs/pgsql/param/#pg_vip_address');
    assert.equal(docsLink(param('node_tune')!), 'https://pigsty.io/docs/node/param/#node_tune');
    assert.equal(docsLink(param('etcd_port')!), 'https://pigsty.io/docs/etcd/param/#etcd_port');
  });
  it('explains pg_vip_address in both languages, mentioning the CIDR form', () => {
    assert.ok(hasOwnDescription('pg_vip_address'));
    assert.match(describeParam(param('pg_vip_address')!, 'en'), /CIDR/);
    assert.match(describeParam(param('pg_vip_address')!, 'zh-cn'), /CIDR/);
  });
});
