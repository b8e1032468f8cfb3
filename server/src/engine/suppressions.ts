// In-file suppressions, like ESLint's directive comments, applied after the rules ran:
//   # pigsty-lint-disable-next-line CODE[, CODE2]   findings starting on the next non-comment line
//   # pigsty-lint-disable-line CODE                 findings starting on this line (trailing comment)
//   # pigsty-lint-disable CODE ... # pigsty-lint-enable CODE   a region (to the end when not enabled)
// No code means every code; a family (`citus`) covers its rules (`citus/*`). ` -- why` may follow.
// Pure: (text, findings) -> kept findings, suppressed ones, and directives that suppressed nothing.
import { Finding, formatMessage, Lang, MessageText, Span } from './findings';
import { LineIndex } from './lines';
import type { TextMark, TextMarks } from './textMarks';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Codes or families as written; empty means every code. */
  codes: string[];
  /** 0-based line of the comment. */
  line: number;
  /** The comment, from `#` to the end of the line. */
  span: Span;
  /** For `disable-next-line`: the line it applies to (-1 when none follows). */
  target: number;
}

export interface UnusedDirective {
  directive: Directive;
  /** The code that suppressed nothing; null when the directive names no code. */
  code: string | null;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  unused: UnusedDirective[];
}

const MARK: TextMark = 'pigsty-lint-';
const DIRECTIVE = /(?:^|[ \t])#[ \t]*pigsty-lint-(disable-next-line|disable-line|disable|enable)(?=[ \t]|$)(.*)$/;
const CODE = /^[A-Za-z0-9_.*-]+(?:\/[A-Za-z0-9_.*-]+)*$/;

export const UNUSED_DISABLE_CODE = 'lint/unused-disable';

export const suppressionMessages: Record<'unusedAll' | 'unusedCode', MessageText> = {
  unusedAll: {
    en: 'Unused pigsty-lint-{kind} directive: no problem was reported where it applies.',
    'zh-cn': '未使用的 pigsty-lint-{kind} 指令：它作用的范围内没有报告任何问题。',
  },
  unusedCode: {
    en: 'Unused pigsty-lint-{kind} directive for {code}: no {code} problem was reported where it applies.',
    'zh-cn': '未使用的 pigsty-lint-{kind} 指令（{code}）：它作用的范围内没有报告 {code} 问题。',
  },
};

/** Whether `pattern` (a code, a family, or `*`) covers `code`. */
export function codeMatches(pattern: string, code: string): boolean {
  return pattern === '*' || pattern === code || code.startsWith(pattern + '/');
}

export function parseDirectives(text: string, lines: LineIndex = new LineIndex(text)): Directive[] {
  const out: Directive[] = [];
  if (!text.includes(MARK)) return out;
  const pendingNext: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const trimmed = content.trimStart();
    const m = content.includes(MARK) ? DIRECTIVE.exec(content) : null;
    if (m) {
      const hash = content.indexOf('#', m.index);
      const start = lines.lineStart(line) + hash;
      const directive: Directive = {
        kind: m[1] as DirectiveKind,
        codes: parseCodes(m[2]),
        line,
        span: { start, end: lines.lineStart(line) + content.length },
        target: m[1] === 'disable-line' ? line : -1,
      };
      out.push(directive);
      // a directive trailing a value: that line is the "next line" of the directives above it
      if (!trimmed.startsWith('#')) resolvePending(pendingNext, line);
      if (directive.kind === 'disable-next-line') pendingNext.push(directive);
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    resolvePending(pendingNext, line);
  }
  return out;
}

function resolvePending(pending: Directive[], line: number): void {
  for (const d of pending.splice(0)) d.target = line;
}

function parseCodes(rest: string): string[] {
  const body = rest.split(/[ \t]--[ \t]|[ \t]--$/)[0];
  return body
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter((c) => CODE.test(c));
}

interface Suppressor {
  directive: Directive;
  /** The code of the directive that matched; null for a directive without codes. */
  code: string | null;
}

/** Replays the region directives above `line` and tells which one (if any) disables `code` there. */
function regionSuppressor(regions: Directive[], line: number, code: string): Suppressor | null {
  let all: Directive | null = null;
  const exceptions = new Set<string>();
  const byCode = new Map<string, Directive>();
  for (const d of regions) {
    if (d.line >= line) break;
    if (d.kind === 'disable') {
      if (d.codes.length === 0) {
        all = d;
        exceptions.clear();
      }
      for (const c of d.codes) {
        byCode.set(c, d);
        exceptions.delete(c);
      }
    } else if (d.codes.length === 0) {
      all = null;
      exceptions.clear();
      byCode.clear();
    } else {
      for (const c of d.codes) {
        for (const k of [...byCode.keys()]) if (codeMatches(c, k)) byCode.delete(k);
        if (all) exceptions.add(c);
      }
    }
  }
  for (const [c, d] of byCode) if (codeMatches(c, code)) return { directive: d, code: c };
  if (all && ![...exceptions].some((c) => codeMatches(c, code))) return { directive: all, code: null };
  return null;
}

function lineSuppressor(lineDirectives: Directive[], line: number, code: string): Suppressor | null {
  for (const d of lineDirectives) {
    if (d.target !== line) continue;
    if (d.codes.length === 0) return { directive: d, code: null };
    const c = d.codes.find((p) => codeMatches(p, code));
    if (c) return { directive: d, code: c };
  }
  return null;
}

/** `marks`, when given, tells whether the text holds a directive without searching it. */
export function applySuppressions(text: string, findings: readonly Finding[], marks?: TextMarks): SuppressionResult {
  if (!(marks ? marks.has(MARK) : text.includes(MARK))) return { kept: [...findings], suppressed: [], unused: [] };
  const lines = new LineIndex(text);
  const directives = parseDirectives(text, lines);
  if (directives.length === 0) return { kept: [...findings], suppressed: [], unused: [] };
  const regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lineDirectives = directives.filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line');
  const used = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const line = lines.position(f.span.start).line;
    const by = lineSuppressor(lineDirectives, line, f.code) ?? regionSuppressor(regions, line, f.code);
    if (by) {
      used.add(usedKey(by.directive, by.code));
      suppressed.push(f);
    } else {
      kept.push(f);
    }
  }
  const unused: UnusedDirective[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.codes.length === 0) {
      if (!used.has(usedKey(d, null))) unused.push({ directive: d, code: null });
    } else {
      for (const c of d.codes) if (!used.has(usedKey(d, c))) unused.push({ directive: d, code: c });
    }
  }
  return { kept, suppressed, unused };
}

function usedKey(d: Directive, code: string | null): string {
  return `${d.span.start}:${code ?? ''}`;
}

/** Unused directives as findings, for `--report-unused-disable`. */
export function unusedDirectiveFindings(unused: readonly UnusedDirective[], lang: Lang): Finding[] {
  return unused.map(({ directive, code }) => {
    const data: Record<string, string> = code === null ? { kind: directive.kind } : { kind: directive.kind, code };
    const template = suppressionMessages[code === null ? 'unusedAll' : 'unusedCode'];
    return {
      code: UNUSED_DISABLE_CODE,
      severity: 'warning',
      span: { ...directive.span },
      message: formatMessage(template[lang], data),
      data,
      related: [],
    };
  });
}
