// When V8 optimizes our code. A first analysis runs each rule's code over every host once: most
// functions get hot enough for V8's optimizing compiler (TurboFan) within that single pass, are
// compiled, and the analysis is over before the compiled code pays back. On a machine with two
// cores the compiler threads and the analysis share the CPU, so the compilation is paid in full.
// Raising the interrupt budget (the bytecode a function must execute before V8 considers
// optimizing it) to four times Node 20's default leaves the first pass to the interpreter and
// baseline code, while the keystroke path, which runs the same functions again and again, is still
// optimized. Measured in bench/RESULTS.md, on Node 20 (V8 11): other V8 versions tier differently
// (Maglev, other budgets, invocation counts), so they keep their defaults; that includes VS Code
// desktop, whose Electron has a newer V8. Set PIGSTY_V8_DEFAULTS=1 to keep V8's own budget on Node 20 too.
import { setFlagsFromString } from 'node:v8';

/** Four times V8's default in Node 20 (67,584 bytes of bytecode). */
export const INTERRUPT_BUDGET = 4 * 67_584;

export interface TieringInput {
  env?: NodeJS.ProcessEnv;
  /** `process.versions.v8` */
  v8Version?: string;
  execArgv?: readonly string[];
  setFlags?: (flags: string) => void;
}

/**
 * Raises V8's interrupt budget for this process on V8 11 (Node 20), unless the user chose one (in
 * the command line or NODE_OPTIONS) or asked for V8's defaults. Returns the flag it set, or null.
 */
export function delayOptimization(input: TieringInput = {}): string | null {
  const env = input.env ?? process.env;
  const given = [...(input.execArgv ?? process.execArgv), env.NODE_OPTIONS ?? ''].some((a) => /--interrupt[-_]budget(=|\s|$)/.test(a));
  const measured = /^11\./.test(input.v8Version ?? process.versions.v8);
  if (!measured || given || env.PIGSTY_V8_DEFAULTS === '1') return null;
  const flag = `--interrupt-budget=${INTERRUPT_BUDGET}`;
  try {
    (input.setFlags ?? setFlagsFromString)(flag);
  } catch {
    return null; // a runtime without the flag: V8's defaults stand
  }
  return flag;
}
