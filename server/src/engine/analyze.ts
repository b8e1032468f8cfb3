// The pipeline: text -> parsed YAML -> inventory model -> resolver -> rules -> findings.
import { defaultOf, CATALOG_VERSION } from '../catalog/params';
import { allRules } from '../rules';
import type { LocalScope, Report, Rule, RuleContext } from '../rules/types';
import { baseAfter, ClusterBase, indexPgClusters, PgCluster, updateFromBase } from './clusters';
import { compareFindings, Finding, formatMessage, Lang, moveFindings, Severity, Span, TextEdit } from './findings';
import { buildInventory, Inventory, spanOf } from './model';
import { parseText, ParsedText } from './parse';
import { readAlso, readEverything, readName, Reads, recordReads } from './reads';
import { Resolver } from './resolve';
import { syntaxOnlyNotice } from './notices';
import { carryUnits, firstOfEachOnce, judgeUnits, UnitFindings, UnitReuse } from './unitRuns';
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
  /** Each rule's findings (before suppressions) and what it read, by rule code. */
  ruleRuns: Map<string, RuleRun>;
  /** Codes of the rules that ran for this version (the others' findings were carried over). */
  rulesRun: string[];
  /** Those of `rulesRun` that ran over the re-parsed block alone (Rule.local). */
  rulesRunLocally: string[];
  /** Those of `rulesRun` that judged only some of their units again (Rule.units), with those units' keys. */
  unitsJudged: Map<string, string[]>;
  /** The values shared by rules (RuleContext.memo) computed for this version, by key. */
  memos: ReadonlyMap<string, Memo>;
}

export interface Memo {
  value: unknown;
  reads: Reads;
}

export interface RuleRun {
  findings: Finding[];
  reads: Reads;
  /** For a rule judged unit by unit (Rule.units), which findings are whose. */
  units?: UnitFindings;
}

/** What the keystroke path knows about an edit: rules that read none of `changed` keep their findings. */
export interface RuleReuse {
  previous: Map<string, RuleRun>;
  /** Parameters whose written values the edit changed (the inventory's structure did not change). */
  changed: ReadonlySet<string>;
  /** The edit: old offsets [start, end) replaced by `length` characters. */
  edit: TextEdit;
  /** Set when the `local` rules may run over the re-parsed block alone (engine/incremental.ts). */
  local?: LocalReuse;
  /** The previous version's shared values: the cluster index is updated from its own by difference. */
  memos?: ReadonlyMap<string, Memo>;
  /** The hosts written in the edited block: the resolver works out these again and keeps the others. */
  hosts?: ReadonlySet<string>;
}

/** The block an edit re-parsed, for the rules whose findings are entry by entry (Rule.local). */
export interface LocalReuse {
  /** The block's offsets [start, end) in the previous text. */
  start: number;
  end: number;
  scope: LocalScope;
}

const CLUSTERS = 'engine/pgClusters';
const CLUSTERS_BASE = 'engine/pgClusters-base';

/** The last cluster index computed up to the version of `memos`, and its reads. */
function clusterBase(memos: ReadonlyMap<string, Memo> | undefined): { value: ClusterBase; reads: Reads } | undefined {
  const computed = memos?.get(CLUSTERS);
  if (computed) return { value: { index: computed.value as Map<string, PgCluster>, since: [] }, reads: computed.reads };
  return memos?.get(CLUSTERS_BASE) as { value: ClusterBase; reads: Reads } | undefined;
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
  reuse?: RuleReuse,
): Analysis {
  const lang = options.lang ?? 'en';
  const text = parsed.text;
  const resolver = new Resolver(inventory, defaultOf, previousResolver, reuse?.hosts);
  // shared values: whoever uses one has read what computing it read
  const memos = new Map<string, Memo>();
  const memo = <T>(key: string, compute: () => T): T => {
    const known = memos.get(key);
    if (known) {
      readAlso(known.reads);
      return known.value as T;
    }
    const reads = new Reads();
    const value = recordReads(reads, compute);
    memos.set(key, { value, reads });
    return value;
  };
  // the last index computed, if it may be updated (only this is kept: the analysis outlives `reuse`)
  const base = resolver.reworked ? clusterBase(reuse?.memos) : undefined;
  const pgClusters = () => memo(CLUSTERS, () => {
    if (!base) return indexPgClusters(resolver);
    // only the clusters of the hosts worked out again can have changed
    readAlso(base.reads);
    return updateFromBase(base.value, resolver, resolver.reworked!);
  });
  const findings: Finding[] = [...parsed.syntax];
  const ruleRuns = new Map<string, RuleRun>();
  const rulesRun: string[] = [];
  const rulesRunLocally: string[] = [];
  const unitsJudged = new Map<string, string[]>();
  const isInventory = inventory.allKey !== null || options.assumeInventory === true;

  if (parsed.syntaxOnly) {
    if (!parsed.aliasBomb) findings.push(syntaxOnlyNotice(text.length, lang));
  } else if (isInventory) {
    const version = inventory.globalVars.get('version')?.value;
    const pigstyVersion = typeof version === 'string' && /^v?\d+\.\d+/.test(version) ? version : CATALOG_VERSION;
    const view = guardedInventory(inventory);
    for (const rule of options.rules ?? allRules) {
      const override = options.severities?.[rule.code];
      if (override === 'off') continue;
      const carried = reuse && carriedOver(reuse, rule.code, resolver.reworked);
      if (carried) {
        ruleRuns.set(rule.code, carried);
        findings.push(...carried.findings);
        continue;
      }
      // a rule that judges entry by entry keeps its findings outside the re-parsed block
      const kept = rule.local && reuse?.local ? keptOutsideBlock(rule.code, reuse.previous.get(rule.code), reuse.local, reuse.edit) : null;
      // what the rule reports, with the `once` key of each report
      const reported: Finding[] = [];
      const onces: unknown[] = [];
      const reads = new Reads();
      // what the kept findings were found by stays read
      if (kept) reads.merge(reuse!.previous.get(rule.code)!.reads);
      const ctx: RuleContext = {
        // the whole text, read as text, may say anything about any parameter
        get text() {
          readEverything();
          return text;
        },
        textHas(mark) {
          readEverything();
          return parsed.marks.has(mark);
        },
        inventory: view,
        resolver,
        lang,
        get pigstyVersion() {
          readName('version');
          return pigstyVersion;
        },
        pgClusters,
        memo,
        localScope: kept ? reuse!.local!.scope : undefined,
        report: (r) => {
          const f = toFinding(rule, r, lang, text.length);
          if (!f) return;
          reported.push(override ? { ...f, severity: override } : f);
          onces.push(r.once);
        },
      };
      let units: UnitFindings | undefined;
      let crashed: Finding | null = null;
      try {
        recordReads(reads, () => {
          if (!rule.units || kept) return rule.check(ctx);
          const run = judgeUnits(ctx, rule.units, reported, onces, unitReuse(reuse, rule.code, resolver));
          units = run.units;
          if (run.judged) unitsJudged.set(rule.code, run.judged);
        });
      } catch (err) {
        // one broken rule must not take the others down: say so where the user sees it
        // (a crash in judgeUnits leaves `units` and `unitsJudged` unset: the next run judges every unit)
        crashed = ruleCrashed(rule.code, err);
        reads.addAll();
      }
      const found = firstOfEachOnce(reported, onces);
      const own = kept ? kept.concat(found) : found;
      if (crashed) own.push(crashed);
      rulesRun.push(rule.code);
      if (kept) rulesRunLocally.push(rule.code);
      ruleRuns.set(rule.code, { findings: own, reads, units });
      findings.push(...own);
    }
  }
  // no rule asked for the index: the next version updates the last one from the hosts reworked since
  if (base && !memos.has(CLUSTERS)) {
    memos.set(CLUSTERS_BASE, { value: baseAfter(base.value, resolver.reworked!), reads: base.reads });
  }
  const { kept, suppressed, unused } = applySuppressions(text, findings, parsed.marks);
  if (options.reportUnusedDisable) kept.push(...unusedDirectiveFindings(unused, lang));
  kept.sort(compareFindings);
  return {
    parsed, inventory, resolver, isInventory, findings: kept, suppressions: { suppressed, unused }, pgClusters, ruleRuns, rulesRun, rulesRunLocally, unitsJudged, memos,
  };
}

/**
 * The previous run of a rule, moved to the new text, when the edit changed nothing it read; null
 * when it must run again (it read a changed parameter, or a finding of it sits inside the edit).
 */
function carriedOver(reuse: RuleReuse, code: string, reworked: ReadonlySet<string> | null): RuleRun | null {
  const before = reuse.previous.get(code);
  if (!before || before.reads.touches(reuse.changed)) return null;
  const findings = moveFindings(before.findings, reuse.edit);
  if (!findings || !before.units) return findings && { findings, reads: before.reads };
  // without `once` keys the units' reports are the findings, in the same order: the ranges still hold
  if (!before.units.onces) return { findings, reads: before.reads, units: { ...before.units, raw: findings } };
  // with them, the reports before the repeated keys were dropped are moved too, and the hosts the edit
  // reworked are judged again next time; if those are not known, the next run judges every unit
  const raw = reworked && moveFindings(before.units.raw, reuse.edit);
  return reworked && raw ? { findings, reads: before.reads, units: carryUnits(before.units, raw, reworked) } : { findings, reads: before.reads };
}

/** The previous run of a unit-by-unit rule, when the edit kept the hosts outside one group as they were. */
function unitReuse(reuse: RuleReuse | undefined, code: string, resolver: Resolver): UnitReuse | undefined {
  const before = reuse?.previous.get(code);
  if (!reuse || !before?.units || !resolver.reworked) return undefined;
  return { units: before.units, reads: before.reads, edit: reuse.edit, reworked: resolver.reworked };
}

/**
 * A `local` rule's previous findings outside the re-parsed block, moved to the new text; the run over
 * the block finds the others again. Null when the rule must run in full (no previous run, or a
 * finding that is not simply before, inside or after the block).
 */
function keptOutsideBlock(code: string, before: RuleRun | undefined, block: LocalReuse, edit: RuleReuse['edit']): Finding[] | null {
  if (!before) return null;
  const delta = edit.length - (edit.end - edit.start);
  const out: Finding[] = [];
  for (const f of before.findings) {
    const { start, end } = f.span;
    if (f.related.length > 0 || f.code !== code) return null; // a crash report belongs to no block
    if (start === end && (start === block.start || start === block.end)) return null; // whose is it?
    if (end <= block.start) out.push(f);
    else if (start >= block.end) out.push({ ...f, span: { start: start + delta, end: end + delta } });
    else if (start < block.start || end > block.end) return null;
  }
  return out;
}

/** The inventory as rules see it: its raw YAML nodes count as reading everything. */
function guardedInventory(inventory: Inventory): Inventory {
  const view = Object.create(inventory) as Inventory;
  for (const key of ['allNode', 'varsNode', 'childrenNode'] as const) {
    Object.defineProperty(view, key, {
      get() {
        readEverything();
        return inventory[key];
      },
    });
  }
  return view;
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
