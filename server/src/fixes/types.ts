// The shape of a fix: a title and the text edits that make it, computed from the current analysis.
import type { Analysis } from '../engine/analyze';
import type { Lang, Span } from '../engine/findings';
import type { TextEdit } from './edits';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one to apply when the user asks for "the" fix (VS Code's preferred quick fix). */
  preferred?: boolean;
}

export interface FixRequest {
  analysis: Analysis;
  /** The finding's code and data (what the LSP puts in `Diagnostic.data`). */
  code: string;
  data: Record<string, unknown>;
  /** Where the finding is. */
  span: Span;
  /** Language of the fix titles (English by default). */
  lang?: Lang;
}

/** A fix title in the request's language. */
export function tr(req: { lang?: Lang }, en: string, zh: string): string {
  return req.lang === 'zh-cn' ? zh : en;
}

export type FixBuilder = (req: FixRequest) => Fix[];

export function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** Keeps only fixes that produce edits. */
export function fix(title: string, edits: (TextEdit | undefined)[], preferred = false): Fix[] {
  const real = edits.filter((e): e is TextEdit => e !== undefined);
  return real.length === edits.length && real.length > 0 ? [{ title, edits: real, preferred }] : [];
}
