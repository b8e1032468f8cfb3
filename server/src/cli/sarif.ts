// SARIF 2.1.0 output for code scanning (GitHub, Azure DevOps): one run, every rule's metadata
// with its help link, one result per finding with 1-based UTF-16 line/column regions.
import * as path from 'path';
import type { Finding, Lang, MessageText, Severity } from '../engine/findings';
import { LineIndex } from '../engine/lines';
import { allRules } from '../rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_URI = 'https://pigsty.io/docs/concept/iac/inventory/';
const TOOL_VERSION = '0.1.0';

/** Codes the engine itself reports (not rules), described for SARIF and the docs. */
export const engineCodes: { code: string; severity: Severity; docs: string; description: MessageText }[] = [
  {
    code: 'yaml/syntax',
    severity: 'error',
    docs: TOOL_URI,
    description: { en: 'The file is not valid YAML.', 'zh-cn': '文件不是合法的 YAML。' },
  },
  {
    code: 'yaml/duplicate-key',
    severity: 'error',
    docs: TOOL_URI,
    description: { en: 'A key is written twice in the same map: Ansible keeps only the last one.', 'zh-cn': '同一个映射中的键重复出现：Ansible 只保留最后一个。' },
  },
  {
    code: 'yaml/alias-limit',
    severity: 'error',
    docs: TOOL_URI,
    description: { en: 'Anchors and aliases expand without bound (alias bomb or recursive alias).', 'zh-cn': '锚点和别名的展开没有边界（别名炸弹或递归别名）。' },
  },
  {
    code: 'engine/syntax-only',
    severity: 'information',
    docs: TOOL_URI,
    description: { en: 'The file is too large for more than a YAML syntax check.', 'zh-cn': '文件过大，只做 YAML 语法检查。' },
  },
  {
    code: 'lint/unused-disable',
    severity: 'warning',
    docs: TOOL_URI,
    description: { en: 'A pigsty-lint-disable comment that suppresses nothing.', 'zh-cn': '没有抑制任何问题的 pigsty-lint-disable 注释。' },
  },
  {
    code: 'internal/rule-crashed',
    severity: 'information',
    docs: TOOL_URI,
    description: { en: 'A rule stopped on this file because of an internal error; the other rules ran.', 'zh-cn': '某条规则因内部错误在此文件上中止；其他规则照常运行。' },
  },
];

export interface SarifInput {
  /** The path as given on the command line. */
  file: string;
  text: string;
  findings: readonly Finding[];
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A relative path stays relative to the checkout (%SRCROOT%), as code scanning expects. */
function artifactLocation(file: string, index: number): { uri: string; uriBaseId?: string; index: number } {
  if (file === '-') return { uri: 'stdin', index };
  if (path.isAbsolute(file)) {
    const slashed = file.split(path.sep).join('/');
    return { uri: encodeURI('file://' + (slashed.startsWith('/') ? '' : '/') + slashed), index };
  }
  const rel = path.normalize(file).split(path.sep).join('/');
  return { uri: encodeURI(rel), uriBaseId: '%SRCROOT%', index };
}

export function toSarif(inputs: readonly SarifInput[], lang: Lang): object {
  const described = [
    ...allRules.map((r) => ({ code: r.code, severity: r.severity, docs: r.docs, description: r.description })),
    ...engineCodes,
  ];
  const ruleIndex = new Map(described.map((r, i) => [r.code, i]));
  const rules = described.map((r) => ({
    id: r.code,
    name: r.code.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.description[lang] },
    fullDescription: { text: r.description[lang] },
    helpUri: r.docs,
    help: {
      text: `${r.description[lang]} ${r.docs}`,
      markdown: `${r.description[lang]} [${lang === 'zh-cn' ? 'Pigsty 文档' : 'Pigsty documentation'}](${r.docs})`,
    },
    defaultConfiguration: { level: level(r.severity) },
    properties: { tags: ['pigsty', r.code.split('/')[0]] },
  }));

  const results = inputs.flatMap((input, fileIndex) => {
    const lines = new LineIndex(input.text);
    const region = (span: { start: number; end: number }): Region => {
      const s = lines.position(span.start);
      const e = lines.position(span.end);
      return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    };
    const location = artifactLocation(input.file, fileIndex);
    return input.findings.map((f) => {
      const result: Record<string, unknown> = {
        ruleId: f.code,
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.span) } }],
      };
      const index = ruleIndex.get(f.code);
      if (index !== undefined) result.ruleIndex = index;
      if (f.related.length > 0) {
        result.relatedLocations = f.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          physicalLocation: { artifactLocation: location, region: region(rel.span) },
        }));
      }
      return result;
    });
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pigsty-lint',
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_URI,
            language: lang === 'zh-cn' ? 'zh-CN' : 'en-US',
            rules,
          },
        },
        language: lang === 'zh-cn' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        artifacts: inputs.map((input, i) => {
          const { index: _index, ...location } = artifactLocation(input.file, i);
          return { location };
        }),
        results,
      },
    ],
  };
}

export function formatSarif(inputs: readonly SarifInput[], lang: Lang): string {
  return JSON.stringify(toSarif(inputs, lang), null, 2) + '\n';
}
