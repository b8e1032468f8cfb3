// Plain data the engine returns: no LSP or VS Code types here.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Lang = 'en' | 'zh-cn';

/** Half-open range of UTF-16 offsets into the document text (what `yaml` node ranges and LSP use). */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  span: Span;
  message: string;
  /** The values named in the message, for fixes and tests (never parse the message). */
  data: Record<string, string | number>;
  related: RelatedLocation[];
  /** Link to the Pigsty doc page that explains the rule's subject. */
  docs?: string;
}

export interface MessageText {
  en: string;
  'zh-cn': string;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : s === 'information' ? 2 : 3;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message);
}

/** An edit: old offsets [start, end) replaced by `length` characters. */
export interface TextEdit {
  start: number;
  end: number;
  length: number;
}

/**
 * Findings of the text before `edit`, moved to the text after it; null when a span or related
 * span has an end strictly inside the edited range (the finding may no longer hold there), or
 * at the very place of an insertion (whether the inserted text is part of it cannot be told).
 */
export function moveFindings(findings: readonly Finding[], edit: TextEdit): Finding[] | null {
  const { start, end, length } = edit;
  const delta = length - (end - start);
  let inside = false;
  const at = (p: number) => {
    // text inserted right at a span's start or end may or may not join what the span marks (a
    // comment line typed above a host moves the host; a key typed first in a map starts the map)
    if (p < start || (p === start && start !== end)) return p;
    if (p >= end && p !== start) return p + delta;
    inside = true;
    return p;
  };
  const move = (span: Span): Span => ({ start: at(span.start), end: at(span.end) });
  const moved = findings.map((f) => ({ ...f, span: move(f.span), related: f.related.map((r) => ({ ...r, span: move(r.span) })) }));
  return inside ? null : moved;
}
