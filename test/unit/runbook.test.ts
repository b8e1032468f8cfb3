import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { buildRunbook, hasEtcdClean } from '../../server/src/fixes/runbook';

const trio = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed/promote-trio.yml'), 'utf8');

function runbook(text: string, cluster: string, survivor?: string, lang?: 'en' | 'zh-cn'): string {
  const r = buildRunbook(analyze(text), { cluster, survivor, lang });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.markdown;
}

describe('recovery runbook', () => {
  const md = runbook(trio, 'pg-meta', '10.10.10.12');

  it('names the cluster, the survivor, the primary service port and the HAProxy file', () => {
    assert.match(md, /^# Recovery runbook: `pg-meta`/);
    assert.match(md, /Survivor: \*\*10\.10\.10\.12\*\* · failed: 10\.10\.10\.10, 10\.10\.10\.11/);
    assert.match(md, /primary service port 5433 · VIP 10\.10\.10\.2\/24/);
    assert.ok(md.includes('/etc/haproxy/pg-meta-primary.cfg'));
  });

  it('keeps the survivor server line and comments out the failed ones', () => {
    assert.ok(md.includes('\n    server pg-meta-3 10.10.10.12:6432 check port 8008 weight 100\n'));
    assert.ok(md.includes('\n    #server pg-meta-1 10.10.10.10:6432 check port 8008 weight 100\n'));
    assert.ok(md.includes('\n    #server pg-meta-2 10.10.10.11:6432 check port 8008 weight 100\n'));
    assert.ok(md.includes('#option httpchk'));
  });

  it('covers promotion, split brain, the temporary and the permanent path', () => {
    for (const s of ["psql -c 'checkpoint; checkpoint;'", 'sudo systemctl stop patroni', 'pg-restart', 'pg-promote',
      'rm -f /pg/data/standby.signal', 'SELECT pg_is_in_recovery()', 'systemctl reload haproxy', 'split brain',
      'pg pause pg-meta', 'touch /pg/data/standby.signal', 'pg resume pg-meta', './pgsql.yml -l pg-meta -t pg_conf',
      './node.yml -l 10.10.10.12 -t node_monitor', 'Promote surviving node']) {
      assert.ok(md.includes(s), `runbook lacks ${s}`);
    }
  });

  it('uses etcd_clean only before v3.6', () => {
    assert.ok(!md.includes('etcd_clean=true'));
    assert.ok(md.includes('sudo rm -rf /data/etcd/*'));
    const old = runbook(trio.replace('version: v4.5.0', 'version: v3.5.0'), 'pg-meta', '10.10.10.12');
    assert.ok(old.includes('./etcd.yml -l 10.10.10.12 -e etcd_safeguard=false -e etcd_clean=true'));
    assert.deepEqual([hasEtcdClean('v3.5.0'), hasEtcdClean('v3.6.0'), hasEtcdClean('v2.7.0'), hasEtcdClean('v4.5.0')], [true, false, true, false]);
  });

  it('follows the inventory: pgbouncer port, service port and Citus group', () => {
    const text = trio.replace('pg_cluster: pg-meta\n', 'pg_cluster: pg-meta\n        pgbouncer_port: 6500\n        pg_default_services: [ { name: primary ,port: 5533 ,dest: default ,check: /primary ,selector: "[]" } ]\n');
    const m = runbook(text, 'pg-meta', '10.10.10.12');
    assert.match(m, /primary service port 5533/);
    assert.ok(m.includes('server pg-meta-3 10.10.10.12:6500 check port 8008'));
  });

  it('is written in Chinese for zh-cn and refuses an unknown cluster', () => {
    assert.match(runbook(trio, 'pg-meta', '10.10.10.12', 'zh-cn'), /^# 故障恢复手册：`pg-meta`/);
    const r = buildRunbook(analyze(trio), { cluster: 'pg-nope' });
    assert.ok(!r.ok && r.error.includes('pg-nope'));
  });
});
