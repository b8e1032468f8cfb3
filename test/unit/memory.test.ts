// An editing session must not keep every version of the text it has seen: V8 substrings can be
// views into the string they were cut from, so a scalar kept in a cache, or the nodes of a block
// re-parsed on a keystroke, would each keep a whole version alive (engine/ownString.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { generateInventory, prng } from '../../bench/generate';
import { problemKey } from '../../server/src/catalog/validate';
import { analyze } from '../../server/src/engine/analyze';
import { reanalyze } from '../../server/src/engine/incremental';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

/**
 * How much the heap grew over a round of `round(from)`, after a first round that warms up: the least
 * of two rounds, since the heap after a GC jumps by a megabyte or two now and then and drops back
 * after the next round, while what is kept per round shows in both.
 */
function leastGrowth(round: (from: number) => void, size: number): number {
  round(0);
  const before = heapAfterGc();
  round(size);
  const first = heapAfterGc() - before;
  round(2 * size);
  return Math.min(first, heapAfterGc() - before);
}

/** A version of the text kept per round would grow the heap by `versions` times its length. */
function assertKeepsNoVersion(grown: number, versions: number, length: number): void {
  assert.ok(grown < 30 * length, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${versions} versions (a version is ${(length / 1e6).toFixed(2)} MB)`);
}

test('200 password keystrokes over a 300-cluster inventory keep no old versions of the text', () => {
  let text = generateInventory(300).text;
  const places: number[] = [];
  for (let at = text.indexOf('password: '); at >= 0; at = text.indexOf('password: ', at + 1)) places.push(at + 'password: '.length);
  const rand = prng(7);
  let analysis = analyze(text);
  const edits = 200;
  // a first round of edits warms up what is compiled and cached once, then the second is measured
  const type = () => {
    for (let i = 0; i < edits; i++) {
      // a new character in a random password: every version of the text is new, and so is the password
      const k = Math.floor(rand() * places.length);
      const at = places[k];
      text = text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at);
      for (let j = k + 1; j < places.length; j++) places[j]++; // the passwords after it move
      const result = reanalyze(analysis, text);
      assert.equal(result.mode, 'block');
      analysis = result.analysis;
    }
  };
  type();
  const before = heapAfterGc();
  type();
  const grown = heapAfterGc() - before;
  // each version is about text.length bytes: keeping one per edit would grow the heap by edits times that
  const perVersion = text.length;
  assert.ok(grown < 20 * perVersion, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits (a version is ${(perVersion / 1e6).toFixed(2)} MB)`);
  assert.deepEqual(analysis.findings, analyze(text).findings);
});

test('full analyses of 100 versions, each with a new password, keep none of those versions', () => {
  // what the server does when an edit changes the structure: parse the whole text again
  let text = generateInventory(100).text;
  const at = text.indexOf('password: ') + 'password: '.length;
  const versions = 100;
  const type = (from: number) => {
    for (let i = from; i < from + versions; i++) {
      text = text.slice(0, at) + `Pass.${i}.` + text.slice(at);
      analyze(text);
    }
  };
  assertKeepsNoVersion(leastGrowth(type, versions), versions, text.length);
});

test('values and names seen once are remembered without the text they were written in', () => {
  // the parameter check remembers answers by value across documents (rules/paramTypes.ts) and the
  // places of a value's keys in the schema (catalog/validate.ts): what they keep must be copies,
  // or each new value typed keeps its whole version of the text alive
  let text = generateInventory(100).text;
  const at = text.indexOf('\n  vars:\n') + '\n  vars:\n'.length;
  const versions = 100;
  const type = (from: number) => {
    for (let i = from; i < from + versions; i++) {
      // a new key in a map-valued parameter, a new value of an enum field and a new unknown parameter name
      const lines =
        `    pg_parameters: { custom_setting_number_${i}: on }\n` +
        `    pg_default_hba_rules: [ { user: all, db: all, addr: world, auth: method${i}, title: 'rule ${i}' } ]\n` +
        `    custom_parameter_written_${i}: 1\n`;
      analyze(text.slice(0, at) + lines + text.slice(at));
      text = text.slice(0, at) + '    # ' + 'x'.repeat(i % 7) + '\n' + text.slice(at); // and the rest of the text is new too
    }
  };
  assertKeepsNoVersion(leastGrowth(type, versions), versions, text.length);
});

test('keys and names typed once leave nothing behind in the schema places of problemKey', () => {
  // a record's keys (pg_parameters), unknown fields of a list item and unknown parameter names are
  // what an operator types letter by letter: the places kept for the server's life are per key a schema names
  const keys = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      problemKey('pg_parameters', { [`custom_setting_${i}`]: i });
      problemKey('pg_default_hba_rules', [{ user: 'all', [`field_${i}`]: 'x' }]);
      problemKey(`unknown_parameter_${i}`, 1);
    }
  };
  keys(0, 100);
  const before = heapAfterGc();
  keys(100, 20_000);
  const grown = heapAfterGc() - before;
  // a place per key was about 330 bytes: 20 MB here
  assert.ok(grown < 2e6, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 60,000 keys and names`);
});
