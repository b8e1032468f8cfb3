// Which hosts and clusters a finding is about, so the drawing can highlight the members of a
// failing rule: a finding belongs to the host whose entry holds its place, or that it names in
// `data.host`; failing that, to the cluster it names in `data.cluster` or whose group holds it.
import type { Finding, Severity, Span } from '../engine/findings';
import { severityRank } from '../engine/findings';
import type { Inventory } from '../engine/model';
import { spanOf } from '../engine/model';
import type { TopologyProblem } from './types';

interface Owned {
  span: Span;
  owner: string;
}

export interface ProblemIndex {
  byHost: Map<string, TopologyProblem[]>;
  /** By group name (the clusters defined by a group pick theirs up through it) and by `data.cluster`. */
  byGroup: Map<string, TopologyProblem[]>;
  byClusterName: Map<string, TopologyProblem[]>;
}

export function indexProblems(inventory: Inventory, findings: readonly Finding[]): ProblemIndex {
  const hostSpans: Owned[] = [];
  for (const [ip, occurrences] of inventory.hostOccurrences) {
    for (const occ of occurrences) {
      const key = spanOf(occ.keyNode);
      if (!key) continue;
      const value = spanOf(occ.valueNode);
      hostSpans.push({ span: { start: key.start, end: Math.max(key.end, value?.end ?? key.end) }, owner: ip });
    }
  }
  const groupSpans: Owned[] = [];
  for (const g of inventory.groups) {
    const key = spanOf(g.keyNode);
    if (!key) continue;
    const value = spanOf(g.node);
    groupSpans.push({ span: { start: key.start, end: Math.max(key.end, value?.end ?? key.end) }, owner: g.name });
  }
  const index: ProblemIndex = { byHost: new Map(), byGroup: new Map(), byClusterName: new Map() };
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const problem: TopologyProblem = { code: f.code, severity: f.severity, message: f.message, span: f.span };
    const named = typeof f.data.host === 'string' && inventory.hostOccurrences.has(f.data.host) ? f.data.host : null;
    const host = named ?? innermost(hostSpans, f.span);
    if (host) {
      push(index.byHost, host, problem);
      continue;
    }
    if (typeof f.data.cluster === 'string') {
      push(index.byClusterName, f.data.cluster, problem);
      continue;
    }
    const group = innermost(groupSpans, f.span);
    if (group) push(index.byGroup, group, problem);
  }
  return index;
}

/** The smallest owned span holding `span` (host entries of anchors may nest; a scan is enough). */
function innermost(owned: readonly Owned[], span: Span): string | null {
  let best: Owned | null = null;
  for (const o of owned) {
    if (o.span.start <= span.start && span.end <= o.span.end) {
      if (!best || o.span.end - o.span.start < best.span.end - best.span.start) best = o;
    }
  }
  return best?.owner ?? null;
}

function push<K>(map: Map<K, TopologyProblem[]>, key: K, p: TopologyProblem): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

export function worstOf(problems: readonly TopologyProblem[]): Severity | null {
  let worst: Severity | null = null;
  for (const p of problems) if (!worst || severityRank(p.severity) < severityRank(worst)) worst = p.severity;
  return worst;
}
