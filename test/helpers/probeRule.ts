// What a test rule needs besides its check: a code and one message, in both languages alike.
import type { Rule } from '../../server/src/rules/types';

export function probeMeta(code: string, message: string): Omit<Rule, 'check'> {
  return {
    code,
    severity: 'information',
    docs: 'https://pigsty.io/docs/',
    description: { en: code, 'zh-cn': code },
    messages: { default: { en: message, 'zh-cn': message } },
  };
}
