// The registry: every rule code, once. A new rule family is one import and one spread here.
import { citusRules } from './citus';
import { citusConsistencyRules } from './citus-consistency';
import { citusGroupRules } from './citus-groups';
import { dbsuRules } from './dbsu';
import { etcdRules } from './etcd';
import { identityRules } from './identity';
import { infraRules } from './infra';
import { paramsRules } from './params';
import { secretsRules } from './secrets';
import { structureRules } from './structure';
import type { Rule } from './types';
import { vipRules } from './vip';

export const allRules: readonly Rule[] = [
  ...structureRules,
  ...identityRules,
  ...citusRules,
  ...citusGroupRules,
  ...citusConsistencyRules,
  ...vipRules,
  ...dbsuRules,
  ...secretsRules,
  ...etcdRules,
  ...infraRules,
  ...paramsRules,
];

export function ruleByCode(code: string): Rule | undefined {
  return allRules.find((r) => r.code === code);
}
