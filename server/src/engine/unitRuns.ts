// Rules judged unit by unit (Rule.units: each PostgreSQL cluster, each Citus deployment). After an
// edit inside one group, only the hosts written there may have other values (the resolver's
// `reworked`), so only the units holding one of them are judged again; the others keep their
// findings, moved over the edit. A full run and this one give the same findings in the same order.
import type { RuleContext, RuleUnits } from '../rules/types';
import { Finding, moveFindings, TextEdit } from './findings';
import { readAlso, recordReads, Reads } from './reads';

/** Which findings of a run belong to which unit. */
export interface UnitFindings {
  /** The units that had findings: [start, end) into the run's findings, in unit order. */
  ranges: Map<string, [number, number]>;
  /** How many units there were. */
  count: number;
  /** What listing the units read: while an edit changes none of it, the units stay the same. */
  listReads: Reads;
}

/** The rule's previous run and what the edit may have changed. */
export interface UnitReuse {
  findings: readonly Finding[];
  units: UnitFindings;
  reads: Reads;
  changed: ReadonlySet<string>;
  edit: TextEdit;
  /** The hosts whose values may differ from the previous version's. */
  reworked: ReadonlySet<string>;
}

export interface UnitRun {
  units: UnitFindings;
  /** The keys of the units judged again, or null when every unit was judged. */
  judged: string[] | null;
}

/**
 * Judges the units into `out`, the array `ctx.report` appends to, while the caller records reads.
 * With `reuse`, a unit holding no reworked host takes its previous findings instead.
 */
export function judgeUnits(ctx: RuleContext, units: RuleUnits<unknown>, out: Finding[], reuse?: UnitReuse): UnitRun {
  const listReads = new Reads();
  const list = recordReads(listReads, () => units.list(ctx));
  const kept = reuse ? keptFindings(units, list, reuse) : null;
  // what the kept findings were found by stays read
  if (kept) readAlso(reuse!.reads);
  const ranges = new Map<string, [number, number]>();
  const judged: string[] = [];
  for (const [key, unit] of list) {
    const start = out.length;
    if (kept && !kept.touched.has(key)) {
      const findings = kept.findings.get(key);
      if (findings) out.push(...findings);
    } else {
      units.judge(ctx, unit);
      judged.push(key);
    }
    if (out.length > start) ranges.set(key, [start, out.length]);
  }
  return { units: { ranges, count: list.size, listReads }, judged: kept ? judged : null };
}

/**
 * The units holding a reworked host, and the previous findings of the others, moved over the edit;
 * null when every unit must be judged: the units may have changed, or a kept finding lies inside
 * the edit.
 */
function keptFindings(
  units: RuleUnits<unknown>,
  list: ReadonlyMap<string, unknown>,
  reuse: UnitReuse,
): { touched: ReadonlySet<string>; findings: Map<string, Finding[]> } | null {
  const before = reuse.units;
  if (before.listReads.touches(reuse.changed) || before.count !== list.size) return null;
  const touched = touchedKeys(units, list, reuse.reworked);
  const findings = new Map<string, Finding[]>();
  for (const [key, [start, end]] of before.ranges) {
    if (touched.has(key)) continue;
    const moved = moveFindings(reuse.findings.slice(start, end), reuse.edit);
    if (!moved) return null;
    findings.set(key, moved);
  }
  return { touched, findings };
}

/** Touched units by list, then by the function that tells them: rules sharing both scan the list once. */
const touchedCache = new WeakMap<object, Map<RuleUnits<unknown>['touches'], { reworked: ReadonlySet<string>; keys: Set<string> }>>();

/** The keys of the units holding one of `reworked`. */
function touchedKeys(units: RuleUnits<unknown>, list: ReadonlyMap<string, unknown>, reworked: ReadonlySet<string>): Set<string> {
  let byTest = touchedCache.get(list);
  if (!byTest) touchedCache.set(list, (byTest = new Map()));
  const known = byTest.get(units.touches);
  if (known && known.reworked === reworked) return known.keys;
  const keys = new Set<string>();
  for (const [key, unit] of list) if (units.touches(unit, reworked)) keys.add(key);
  byTest.set(units.touches, { reworked, keys });
  return keys;
}
