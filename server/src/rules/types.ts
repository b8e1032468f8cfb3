// The shape of a rule: ESLint's meta + check, with messages in English and Simplified Chinese.
import type { Node } from 'yaml';
import type { PgCluster } from '../engine/clusters';
import type { Lang, MessageText, Severity, Span } from '../engine/findings';
import type { GroupEntry, Inventory } from '../engine/model';
import type { Resolver } from '../engine/resolve';
import type { TextMark } from '../engine/textMarks';

export type Place = Span | Node | null | undefined;

export interface RelatedReport {
  at: Place;
  message: MessageText;
}

export interface Report {
  /** Key into the rule's `messages`; 'default' when omitted. */
  messageId?: string;
  data?: Record<string, string | number>;
  at: Place;
  related?: RelatedReport[];
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  /**
   * Reported once per key in a run: a later report with the same key (a written entry that several
   * hosts or clusters share) is dropped. Unit-by-unit rules (Rule.units) use this rather than
   * remembering across units themselves; `local` rules do not use it.
   */
  once?: unknown;
}

export interface RuleContext {
  readonly text: string;
  /** Whether the text holds `mark`, usually known without searching it (engine/textMarks.ts). Reads the whole text. */
  textHas(mark: TextMark): boolean;
  readonly inventory: Inventory;
  readonly resolver: Resolver;
  readonly lang: Lang;
  /** The inventory's Pigsty version (`all.vars.version`, else the catalog's). */
  readonly pigstyVersion: string;
  pgClusters(): Map<string, PgCluster>;
  /** A value computed once per analysis and shared by every rule (indexes several rules need). */
  memo<T>(key: string, compute: () => T): T;
  report(report: Report): void;
  /**
   * Set when the engine re-runs a `local` rule over the one block an edit re-parsed: the
   * helpers (eachWrittenEntry, allVarEntries, entriesNamed, scopeGroups) then visit that block only.
   */
  readonly localScope?: LocalScope;
}

/** One top-level block's written entries: all.vars, or a group under all.children with its subgroups. */
export interface LocalScope {
  globalVars: boolean;
  groups: readonly GroupEntry[];
}

export interface Rule {
  /** Stable forever, `family/name`. */
  code: string;
  severity: Severity;
  /** Link to the Pigsty doc page about the rule's subject. */
  docs: string;
  /** What the rule catches, one line, for SARIF and docs. */
  description: MessageText;
  messages: Record<string, MessageText>;
  /**
   * The rule's findings come from visiting written entries one by one (eachWrittenEntry,
   * allVarEntries, entriesNamed) or groups one by one (scopeGroups), each depending only on its
   * entry or group and place, the declared `version` and the Jinja names of the file. After an edit
   * inside one block the engine re-runs it over that block and keeps its findings elsewhere
   * (engine/analyze.ts).
   */
  local?: boolean;
  /**
   * The rule judges units (PostgreSQL clusters, Citus deployments) one by one, and `check` does
   * nothing else (rules/units.ts). After an edit that kept the units, the engine judges again only
   * those holding a host whose values the edit may have changed, and keeps the others' findings.
   */
  units?: RuleUnits<unknown>;
  check(ctx: RuleContext): void;
}

/**
 * What a unit-by-unit rule judges. A unit's findings depend only on the effective values of the
 * hosts it holds, on where those are written and on the unit itself, never on another unit.
 */
export interface RuleUnits<U> {
  /** The units, by a key unique among them, in the order a full run judges them. */
  list(ctx: RuleContext): ReadonlyMap<string, U>;
  /** Whether the unit holds one of `hosts`. */
  touches(unit: U, hosts: ReadonlySet<string>): boolean;
  /**
   * Which hosts the unit holds, as a number or string that changes whenever they change (and may
   * change more often). A unit whose version differs from its last judged one is judged again.
   */
  version(unit: U): string | number;
  judge(ctx: RuleContext, unit: U): void;
}

export const DOCS = {
  inventory: 'https://pigsty.io/docs/concept/iac/inventory/',
  parameter: 'https://pigsty.io/docs/concept/iac/parameter/',
  pgCluster: 'https://pigsty.io/docs/pgsql/config/cluster/',
  pgParam: 'https://pigsty.io/docs/pgsql/param/',
  etcd: 'https://pigsty.io/docs/etcd/config/',
  infra: 'https://pigsty.io/docs/infra/param/',
  node: 'https://pigsty.io/docs/node/param/',
  minio: 'https://pigsty.io/docs/minio/param/',
  citus: 'https://pigsty.io/docs/pgsql/tutorial/citus/',
  vip: 'https://pigsty.io/docs/pgsql/tutorial/pg-vip/',
  security: 'https://pigsty.io/docs/setup/security/',
  drill: 'https://pigsty.io/docs/pgsql/tutorial/drill/',
} as const;
