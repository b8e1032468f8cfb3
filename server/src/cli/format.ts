// Output formats of pigsty-lint: `file:line:col  severity  message  code`, like tsc and eslint; or JSON.
import type { Lang, Severity } from '../engine/findings';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export function formatJson(results: JsonFinding[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}

const SUMMARY = {
  en: (e: number, w: number, o: number) => `${e} error(s), ${w} warning(s), ${o} other finding(s)`,
  'zh-cn': (e: number, w: number, o: number) => `${e} 个错误，${w} 个警告，${o} 条其他提示`,
};

export function formatText(results: JsonFinding[], lang: Lang): string {
  if (results.length === 0) return lang === 'zh-cn' ? '未发现问题。\n' : 'No problems found.\n';
  const lines = results.map(
    (r) => `${r.file}:${r.line}:${r.column}  ${r.severity.padEnd(11)}  ${r.message}  ${r.code}`,
  );
  const errors = results.filter((r) => r.severity === 'error').length;
  const warnings = results.filter((r) => r.severity === 'warning').length;
  lines.push('', SUMMARY[lang](errors, warnings, results.length - errors - warnings));
  return lines.join('\n') + '\n';
}
