// params/type validates each distinct value once: values that share a problemKey must get the very
// same problems from validateParam. Checked over every parameter written in the corpus templates
// and a generated inventory, over seeded variations of those values, and on hand-picked pairs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generateInventory, prng } from '../../bench/generate';
import { problemKey, validateParam } from '../../server/src/catalog/validate';
import { analyze } from '../../server/src/engine/analyze';
import { corpusFiles } from '../helpers/corpus';

function writtenValues(text: string): [string, unknown][] {
  const inv = analyze(text).inventory;
  const out: [string, unknown][] = [];
  const add = (vars: Map<string, { value: unknown }>) => Map.prototype.forEach.call(vars, (e: { value: unknown }, name: string) => out.push([name, e.value]));
  add(inv.globalVars);
  for (const g of inv.groups) {
    add(g.vars);
    for (const h of g.hosts) add(h.vars);
  }
  return out;
}

/** Small changes an operator makes to a value: another string, a number, a list, a field removed or added. */
function vary(value: unknown, rand: () => number): unknown {
  const pick = rand();
  if (typeof value === 'string') {
    // digits changed: addresses and names that still match their patterns, or no longer do
    if (pick < 0.3 && /\d/.test(value)) return value.replace(/\d/g, (d) => String((Number(d) * 7 + 3) % 10));
    return pick < 0.6 ? value + 'x' : pick < 0.75 ? 42 : pick < 0.85 ? [value] : pick < 0.92 ? '{{ v }}' : '';
  }
  if (Array.isArray(value)) return value.map((v) => (rand() < 0.5 ? vary(v, rand) : v));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length && pick < 0.6) {
      const k = keys[Math.floor(rand() * keys.length)];
      copy[k] = vary(copy[k], rand);
    } else if (keys.length && pick < 0.8) {
      delete copy[keys[Math.floor(rand() * keys.length)]];
    } else {
      copy[rand() < 0.5 ? 'pasword' : 'comment'] = 'added';
    }
    return copy;
  }
  return pick < 0.5 ? String(value) : value;
}

test('values that share a problemKey get the same problems (corpus, generated inventory, seeded variations)', () => {
  const texts = [...corpusFiles().map((f) => fs.readFileSync(f, 'utf8')), generateInventory(40).text];
  const byKey = new Map<string, { problems: unknown; value: unknown }>();
  const rand = prng(99);
  let shared = 0;
  for (const text of texts) {
    for (const [name, value] of writtenValues(text)) {
      for (const v of [value, vary(value, rand), vary(value, rand)]) {
        const key = problemKey(name, v);
        if (key === null) continue;
        const problems = validateParam(name, v);
        const seen = byKey.get(key);
        if (!seen) {
          byKey.set(key, { problems, value: v });
          continue;
        }
        shared++;
        assert.deepEqual(problems, seen.problems, `${name}: ${JSON.stringify(v)} and ${JSON.stringify(seen.value)} share a key but not their problems`);
      }
    }
  }
  assert.ok(shared > 1000, `only ${shared} values shared a key`);
});

test('users that differ in their passwords share a key; in a checked field or a wrong type, they do not; patterns and enums', () => {
  const user = (fields: Record<string, unknown>) => [{ name: 'dbuser_app', pgbouncer: true, roles: ['dbrole_readwrite'], ...fields }];
  assert.equal(problemKey('pg_users', user({ password: 'One.Secret' })), problemKey('pg_users', user({ password: 'Other' })));
  assert.notEqual(problemKey('pg_users', user({ password: 'One' })), problemKey('pg_users', user({ password: ['One'] })));
  assert.notEqual(problemKey('pg_users', user({ name: 'dbuser_app' })), problemKey('pg_users', user({ name: 'Bad Name' })));
  assert.notEqual(problemKey('pg_users', user({ pool_mode: 'session' })), problemKey('pg_users', user({ pool_mode: 'sesion' })));
  // a pattern-checked string keys by which patterns it matches: two good addresses share, a bad one does not
  assert.equal(problemKey('pg_vip_address', '10.0.0.1/24'), problemKey('pg_vip_address', '10.9.9.9/16'));
  assert.notEqual(problemKey('pg_vip_address', '10.0.0.1/24'), problemKey('pg_vip_address', '10.0.0.300/24'));
  assert.notEqual(problemKey('pg_vip_address', '10.0.0.1/24'), problemKey('pg_vip_address', '{{ vip }}'));
  // an enum keys by the exact word
  assert.notEqual(problemKey('pg_mode', 'pgsql'), problemKey('pg_mode', 'citus'));
  assert.deepEqual(validateParam('pg_users', user({ password: 'One.Secret' })), []);
});
