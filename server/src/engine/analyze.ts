// The pipeline: text -> parsed YAML -> inventory model -> resolver -> rules -> findings.
import { defaultOf, CATALOG_VERSION } from '../catalog/params';
import { allRules } from '../rules';
import type { Report, Rule, RuleContext } from '../rules/types';
import { indexPgClusters, PgCluster } from './clusters';
import { compareFindings, Finding, formatMessage, Lang, Severity, Span } from './findings';
import { buildInventory, Inventory, spanOf } from './model';
import { parseText, ParsedText } from './parse';
import { Resolver } from './resolve';
import { syntaxOnlyNotice } from './notices';
import { applySuppressions, SuppressionResult, unusedDirectiveFindings } from './suppressions';

export type SeverityOverride = Severity | 'off';

export interface AnalyzeOptions {
  lang?: Lang;
  rules?: readonly Rule[];
  /** By rule code, like ESLint's `rules` setting. */
  severities?: Record<string, SeverityOverride>;
  /** Check the text as an inventory even when its top level has no `all:` (the user asked for it). */
  assumeInventory?: boolean;
  /** Add a finding for each `# pigsty-lint-disable...` comment that suppressed nothing. */
  reportUnusedDisable?: boolean;
}

export interface Analysis {
  parsed: ParsedText;
  inventory: Inventory;
  resolver: Resolver;
  /** True when the top level is a map with `all` (or the caller said so). */
  isInventory: boolean;
  findings: Finding[];
  /** What the in-file `# pigsty-lint-disable...` comments took out of `findings`, and the unused ones. */
  suppressions: Pick<SuppressionResult, 'suppressed' | 'unused'>;
  pgClusters(): Map<string, PgCluster>;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const lang = options.lang ?? 'en';
  const parsed = parseText(text, lang);
  const inventory = buildInventory(parsed.syntaxOnly ? undefined : parsed.inventoryDoc);
  return analyzeModel(parsed, inventory, options);
}

/** The stages after parsing: the incremental path (incremental.ts) enters here with a spliced model. */
export function analyzeModel(
  parsed: ParsedText,
  inventory: Inventory,
  options: AnalyzeOptions = {},
  /** The resolver of the previous version, when `inventory` was spliced from its model. */
  previousResolver?: Resolver,
): Analysis {
  const lang = options.lang ?? 'en';
  const text = parsed.text;
  const resolver = new Resolver(inventory, defaultOf, previousResolver);
  let clusters: Map<string, PgCluster> | undefined;
  const pgClusters = () => (clusters ??= indexPgClusters(resolver));
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  const findings: Finding[] = [...parsed.syntax];
  const isInventory = inventory.allKey !== null || options.assumeInventory === true;

  if (parsed.syntaxOnly) {
    if (!parsed.aliasBomb) findings.push(syntaxOnlyNotice(text.length, lang));
  } else if (isInventory) {
    const version = inventory.globalVars.get('version')?.value;
    const pigstyVersion = typeof version === 'string' && /^v?\d+\.\d+/.test(version) ? version : CATALOG_VERSION;
    for (const rule of options.rules ?? allRules) {
      const override = options.severities?.[rule.code];
      if (override === 'off') continue;
      const ctx: RuleContext = {
        text,
        inventory,
        resolver,
        lang,
        pigstyVersion,
        pgClusters,
        memo,
        report: (r) => {
          const f = toFinding(rule, r, lang, text.length);
          if (f) findings.push(override ? { ...f, severity: override } : f);
        },
      };
      try {
        rule.check(ctx);
      } catch (err) {
        // one broken rule must not take the others down: say so where the user sees it
        findings.push(ruleCrashed(rule.code, err));
      }
    }
  }
  const { kept, suppressed, unused } = applySuppressions(text, findings);
  if (options.reportUnusedDisable) kept.push(...unusedDirectiveFindings(unused, lang));
  kept.sort(compareFindings);
  return { parsed, inventory, resolver, isInventory, findings: kept, suppressions: { suppressed, unused }, pgClusters };
}

function placeSpan(at: Report['at'], length: number): Span | null {
  if (!at) return null;
  const span = 'start' in at && typeof at.start === 'number' ? (at as Span) : spanOf(at as never);
  if (!span) return null;
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

function toFinding(rule: Rule, r: Report, lang: Lang, length: number): Finding | null {
  const span = placeSpan(r.at, length);
  if (!span) return null;
  const messageId = r.messageId ?? 'default';
  const template = rule.messages[messageId];
  if (!template) throw new Error(`rule ${rule.code} has no message '${messageId}'`);
  const data = r.data ?? {};
  return {
    code: rule.code,
    severity: r.severity ?? rule.severity,
    span,
    message: formatMessage(template[lang], data),
    data,
    related: (r.related ?? []).flatMap((rel) => {
      const s = placeSpan(rel.at, length);
      return s ? [{ span: s, message: formatMessage(rel.message[lang], data) }] : [];
    }),
    docs: rule.docs,
  };
}

function ruleCrashed(code: string, err: unknown): Finding {
  return {
    code: 'internal/rule-crashed',
    severity: 'information',
    span: { start: 0, end: 0 },
    message: `Rule ${code} stopped on this file (${err instanceof Error ? err.message : String(err)}); other rules ran.`,
    data: { rule: code },
    related: [],
  };
}
