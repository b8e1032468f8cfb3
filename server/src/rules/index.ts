// The registry: every rule code, once. A new rule family is one import and one spread here.
import { identityRules } from './identity';
import { structureRules } from './structure';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [...structureRules, ...identityRules];

export function ruleByCode(code: string): Rule | undefined {
  return allRules.find((r) => r.code === code);
}
