// plainValue must give what yaml's toJS gives for every node it takes: checked on every value
// node of the corpus templates and a generated inventory, and on keys yaml treats specially.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Document, isCollection, isPair, parseAllDocuments } from 'yaml';
import { generateInventory } from '../../bench/generate';
import { PARSE_OPTIONS } from '../../server/src/engine/parse';
import { NOT_PLAIN, plainValue } from '../../server/src/engine/plainValue';
import { corpusFiles } from '../helpers/corpus';

function collections(doc: Document.Parsed): unknown[] {
  const out: unknown[] = [];
  const walk = (n: unknown): void => {
    if (isPair(n)) return (walk(n.key), walk(n.value));
    if (isCollection(n)) {
      out.push(n);
      for (const item of n.items) walk(item);
    }
  };
  walk(doc.contents);
  return out;
}

test('plainValue equals toJS for every collection of the corpus and a generated inventory', () => {
  let compared = 0;
  for (const text of [...corpusFiles().map((f) => fs.readFileSync(f, 'utf8')), generateInventory(20).text]) {
    for (const doc of parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]) {
      for (const node of collections(doc)) {
        const plain = plainValue(node);
        if (plain === NOT_PLAIN) continue;
        assert.deepEqual(plain, (node as { toJS(d: Document): unknown }).toJS(doc));
        compared++;
      }
    }
  }
  assert.ok(compared > 3000, `only ${compared} collections compared`);
});

test('plainValue: keys as yaml writes them, and what it leaves to yaml', () => {
  const text = "a: { 1: one, true: yes, ~: nothing, toString: t, __proto__: p, x: [1, {y: 2}] }\nb: { <<: {c: 1} }\nc: &anchor 1\nd: *anchor\ne: { 2001-01-01: d }\n";
  const doc = parseAllDocuments(text, PARSE_OPTIONS)[0] as Document.Parsed;
  const pairs = (doc.contents as { items: { value: unknown }[] }).items;
  const a = plainValue(pairs[0].value);
  assert.notEqual(a, NOT_PLAIN);
  assert.deepEqual(a, (pairs[0].value as { toJS(d: Document): unknown }).toJS(doc));
  assert.ok(Object.prototype.hasOwnProperty.call(a, '__proto__'), '__proto__ is an own key, not the prototype');
  assert.equal(plainValue(pairs[1].value), NOT_PLAIN, 'merge keys are left to yaml');
  assert.equal(plainValue(pairs[3].value), NOT_PLAIN, 'aliases are left to yaml');
  assert.equal(plainValue(pairs[4].value), NOT_PLAIN, 'a date as a key (YAML 1.1 timestamp) is left to yaml');
});
