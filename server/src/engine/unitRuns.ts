// Rules judged unit by unit (Rule.units: each PostgreSQL cluster, each Citus deployment). After an
// edit inside one group, only the hosts written there may have other values (the resolver's
// `reworked`), so only the units holding one of them, or other hosts than when last judged, are
// judged again; the others keep their findings, moved over the edit. A full run and this one give
// the same findings in the same order.
import type { RuleContext, RuleUnits } from '../rules/types';
import { Finding, moveFindings, TextEdit } from './findings';
import { unionOf } from './clusters';
import { readAlso, Reads } from './reads';

/** Which findings of a run belong to which unit. */
export interface UnitFindings {
  /** What the units reported, before reports with a `once` key already seen were dropped. */
  raw: Finding[];
  /** The `once` key of each of `raw`, or null when no report had one. */
  onces: unknown[] | null;
  /** The units that reported: [start, end) into `raw`, in unit order. */
  ranges: Map<string, [number, number]>;
  /** The version of each unit (RuleUnits.version), by key: no unit itself, which would keep old nodes alive. */
  versions: ReadonlyMap<string, string | number>;
  /**
   * Hosts reworked by versions that carried these units over without judging them (carryUnits):
   * the `once` keys reported for them may be nodes parsed again since, so their units are judged
   * again in the next run, as if the rule had run in each of those versions.
   */
  pending?: ReadonlySet<string>;
}

/** The rule's previous run and what the edit may have changed. */
export interface UnitReuse {
  units: UnitFindings;
  reads: Reads;
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
 * Judges the units into `reported` and `onces`, the arrays `ctx.report` appends to, while the
 * caller records reads. With `reuse`, a unit that need not be judged again (keptReports) takes its
 * previous reports instead. The caller then drops the repeated `once` keys (firstOfEachOnce), as
 * for any rule, so that a key first reported by a unit judged again, or by a kept one, is kept the
 * same way.
 */
export function judgeUnits(ctx: RuleContext, units: RuleUnits<unknown>, reported: Finding[], onces: unknown[], reuse?: UnitReuse): UnitRun {
  const list = units.list(ctx);
  const kept = reuse ? keptReports(units, list, reuse) : null;
  // what the kept reports were found by stays read
  if (kept) readAlso(reuse!.reads);
  const ranges = new Map<string, [number, number]>();
  const judged: string[] = [];
  const visit = (key: string, unit: unknown) => {
    const start = reported.length;
    if (kept && !kept.judge.has(key)) {
      const before = kept.reports.get(key);
      if (before) {
        for (let i = 0; i < before.findings.length; i++) {
          reported.push(before.findings[i]);
          onces.push(before.onces?.[i]);
        }
      }
    } else {
      units.judge(ctx, unit);
      judged.push(key);
    }
    if (reported.length > start) ranges.set(key, [start, reported.length]);
  };
  if (kept) {
    // only the units judged again and those that reported, in the list's order
    for (const key of visited(list, kept)) visit(key, list.get(key));
  } else {
    for (const [key, unit] of list) visit(key, unit);
  }
  const found: UnitFindings = { raw: reported, onces: onces.some((k) => k !== undefined) ? onces : null, ranges, versions: versionsOf(units, list) };
  return { units: found, judged: kept ? judged : null };
}

/**
 * A run's units, with `once` keys, carried over an edit that changed nothing the rule read: `raw`
 * is its reports moved over the edit (same order, so the ranges still hold), and the hosts the edit
 * reworked join `pending`, since their entries may have been parsed again and a key is the node a
 * value was written at.
 */
export function carryUnits(units: UnitFindings, raw: Finding[], reworked: ReadonlySet<string>): UnitFindings {
  return { ...units, raw, pending: units.pending ? unionOf([units.pending, reworked]) : reworked };
}

/** Findings in order, without those whose `once` key an earlier one had; `found` itself when no key repeats. */
export function firstOfEachOnce(found: Finding[], onces: readonly unknown[]): Finding[] {
  let seen: Set<unknown> | null = null;
  let out: Finding[] | null = null;
  for (let i = 0; i < found.length; i++) {
    const key = onces[i];
    if (key !== undefined) {
      seen ??= new Set();
      if (seen.has(key)) {
        out ??= found.slice(0, i);
        continue;
      }
      seen.add(key);
    }
    out?.push(found[i]);
  }
  return out ?? found;
}

interface Kept {
  findings: Finding[];
  onces: unknown[] | null;
}

/**
 * The units to judge again, and the previous reports of the others, moved over the edit; null when
 * a kept report lies inside the edit. A unit is judged again when it holds a reworked host, or
 * holds other hosts than when it was last judged (a host joined or left it), or is new. The others
 * hold the same hosts with the same values as then, since only reworked hosts changed.
 */
function keptReports(
  units: RuleUnits<unknown>,
  list: ReadonlyMap<string, unknown>,
  reuse: UnitReuse,
): { judge: ReadonlySet<string>; reports: Map<string, Kept> } | null {
  const judge = keysToJudge(units, list, reuse);
  const reports = new Map<string, Kept>();
  for (const [key, [start, end]] of reuse.units.ranges) {
    if (judge.has(key) || !list.has(key)) continue;
    const findings = moveFindings(reuse.units.raw.slice(start, end), reuse.edit);
    if (!findings) return null;
    reports.set(key, { findings, onces: reuse.units.onces && reuse.units.onces.slice(start, end) });
  }
  return { judge, reports };
}

/**
 * The keys of the units holding a reworked host, or whose version differs from the rule's previous
 * run. Rules over the same list, with the same previous versions and test of hosts, share one
 * answer: the cluster rules look at the versions of every cluster once, not each on its own.
 */
function keysToJudge(units: RuleUnits<unknown>, list: ReadonlyMap<string, unknown>, reuse: UnitReuse): ReadonlySet<string> {
  const before = reuse.units.versions;
  const byTouches = oncePerList(list, before, () => new Map<unknown, ReadonlySet<string>>());
  let judge = byTouches.get(units.touches);
  if (!judge) {
    const keys = new Set(touchedKeys(units, list, reuse.reworked));
    for (const [key, version] of versionsOf(units, list)) if (before.get(key) !== version) keys.add(key);
    byTouches.set(units.touches, (judge = keys));
  }
  const pending = reuse.units.pending;
  if (!pending || pending.size === 0) return judge;
  // this rule's own: its units were carried over versions whose reworked hosts the others judged then
  const withPending = new Set(judge);
  for (const [key, unit] of list) if (units.touches(unit, pending)) withPending.add(key);
  return withPending;
}

/** The keys to judge again and those with kept reports, in the order of `list`. */
function visited(list: ReadonlyMap<string, unknown>, kept: { judge: ReadonlySet<string>; reports: ReadonlyMap<string, Kept> }): string[] {
  const at = oncePerList(list, visited, () => {
    const positions = new Map<string, number>();
    for (const key of list.keys()) positions.set(key, positions.size);
    return positions;
  });
  const keys = [...kept.reports.keys()];
  for (const key of kept.judge) if (list.has(key)) keys.push(key);
  return keys.sort((a, b) => at.get(a)! - at.get(b)!);
}

/**
 * What `compute` gives for one list of units and one key (one of its rule's functions, or the
 * versions of a previous run), worked out once: the rules that share both (the cluster rules, the
 * Citus rules) share it. A list belongs to one version.
 */
const perList = new WeakMap<object, Map<unknown, unknown>>();

function oncePerList<T>(list: ReadonlyMap<string, unknown>, key: unknown, compute: () => T): T {
  let byKey = perList.get(list);
  if (!byKey) perList.set(list, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/** Each unit's version (RuleUnits.version), by key. */
function versionsOf(units: RuleUnits<unknown>, list: ReadonlyMap<string, unknown>): Map<string, string | number> {
  return oncePerList(list, units.version, () => {
    const versions = new Map<string, string | number>();
    for (const [key, unit] of list) versions.set(key, units.version(unit));
    return versions;
  });
}

/** The keys of the units holding one of `reworked`, the hosts of the list's version worked out again. */
function touchedKeys(units: RuleUnits<unknown>, list: ReadonlyMap<string, unknown>, reworked: ReadonlySet<string>): Set<string> {
  return oncePerList(list, units.touches, () => {
    const keys = new Set<string>();
    for (const [key, unit] of list) if (units.touches(unit, reworked)) keys.add(key);
    return keys;
  });
}
