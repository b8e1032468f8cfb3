// The server and the CLI raise V8's interrupt budget at start, unless the user chose one or asked
// for V8's defaults (engine/tiering.ts; the measurements are in bench/RESULTS.md).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { delayOptimization, INTERRUPT_BUDGET } from '../../server/src/engine/tiering';
import { ROOT } from '../helpers/cli';

function attempt(env: NodeJS.ProcessEnv, execArgv: string[] = [], setFlags?: (f: string) => void): { result: string | null; set: string[] } {
  const set: string[] = [];
  const result = delayOptimization({ env, execArgv, v8Version: '11.3.244.8-node.33', setFlags: setFlags ?? ((f) => set.push(f)) });
  return { result, set };
}

describe('delayOptimization', () => {
  it('sets four times Node 20\'s default budget', () => {
    const { result, set } = attempt({});
    assert.equal(INTERRUPT_BUDGET, 270_336);
    assert.deepEqual(set, ['--interrupt-budget=270336']);
    assert.equal(result, '--interrupt-budget=270336');
  });

  it('leaves a budget the user gave on the command line or in NODE_OPTIONS', () => {
    assert.deepEqual(attempt({}, ['--interrupt-budget=1000']), { result: null, set: [] });
    assert.deepEqual(attempt({ NODE_OPTIONS: '--max-old-space-size=4096 --interrupt_budget=5000' }), { result: null, set: [] });
    assert.deepEqual(attempt({}, ['--interrupt-budget', '5000']), { result: null, set: [] });
  });

  it('does not mistake another flag that starts the same way for the budget', () => {
    const { set } = attempt({ NODE_OPTIONS: '--interrupt-budget-for-feedback-allocation=900' });
    assert.deepEqual(set, ['--interrupt-budget=270336']);
  });

  it('keeps V8\'s defaults when PIGSTY_V8_DEFAULTS=1', () => {
    assert.deepEqual(attempt({ PIGSTY_V8_DEFAULTS: '1' }), { result: null, set: [] });
    assert.equal(attempt({ PIGSTY_V8_DEFAULTS: '0' }).set.length, 1);
  });

  it('leaves V8 versions it was not measured on alone (Node 22 and later)', () => {
    const set: string[] = [];
    assert.equal(delayOptimization({ env: {}, execArgv: [], v8Version: '12.4.254.21-node.33', setFlags: (f) => set.push(f) }), null);
    assert.deepEqual(set, []);
  });

  it('survives a runtime that rejects the flag', () => {
    const { result } = attempt({}, [], () => {
      throw new Error('unknown flag');
    });
    assert.equal(result, null);
  });

  it('is called by the language server and the CLI launcher when they start (V8 spied on)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigsty-tiering-'));
    const spy = path.join(dir, 'spy.js');
    fs.writeFileSync(spy, "const v8 = require('v8'); const set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { process.stderr.write('V8FLAG ' + f + '\\n'); set(f); };\n");
    try {
      const flagsOf = (bin: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
        const r = spawnSync(process.execPath, ['-r', spy, path.join(ROOT, 'server/bin', bin), ...args], {
          cwd: ROOT, input: '', encoding: 'utf8', timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '', PIGSTY_V8_DEFAULTS: '', ...env },
        });
        return [...r.stderr.matchAll(/^V8FLAG (.*)$/gm)].map((m) => m[1]);
      };
      // set on Node 20 (V8 11), where it was measured; other versions keep V8's defaults
      const expected = process.versions.v8.startsWith('11.') ? ['--interrupt-budget=270336'] : [];
      assert.deepEqual(flagsOf('pigsty-lint', ['examples/pigsty.yml']), expected);
      // stdin closed at once: the server starts, sees the end of its input and exits
      assert.deepEqual(flagsOf('pigsty-language-server', ['--stdio']), expected);
      assert.deepEqual(flagsOf('pigsty-lint', ['examples/pigsty.yml'], { PIGSTY_V8_DEFAULTS: '1' }), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
