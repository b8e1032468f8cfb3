// Findings the engine itself emits about how it checked a file (not about the inventory).
import { Finding, formatMessage, Lang } from './findings';
import { MAX_SEMANTIC_BYTES } from './parse';

const SYNTAX_ONLY = {
  en: 'This file is {size} MB: only YAML syntax is checked above {limit} MB, to keep the editor responsive.',
  'zh-cn': '此文件大小为 {size} MB：超过 {limit} MB 的文件只检查 YAML 语法，以保证编辑器响应速度。',
};

export function syntaxOnlyNotice(length: number, lang: Lang): Finding {
  const data = { size: (length / 1024 / 1024).toFixed(1), limit: MAX_SEMANTIC_BYTES / 1024 / 1024 };
  return {
    code: 'engine/syntax-only',
    severity: 'information',
    span: { start: 0, end: 0 },
    message: formatMessage(SYNTAX_ONLY[lang], data),
    data,
    related: [],
  };
}
