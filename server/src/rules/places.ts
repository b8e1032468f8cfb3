// Small helpers shared by the semantic rule families (citus, vip, etcd, dbsu, secrets, infra):
// where to point a finding, how Ansible reads a boolean, and which written entries a rule visits.
import type { Node } from 'yaml';
import type { GroupEntry, VarEntry } from '../engine/model';
import type { EffectiveValue } from '../engine/resolve';
import type { Place, RuleContext } from './types';

/** Where an effective value is written, or `fallback` when it is a role default. */
export function valuePlace(eff: EffectiveValue | undefined, fallback: Place): Place {
  return eff?.entry ? (eff.entry.valueNode ?? eff.entry.keyNode) : fallback;
}

/** The first place a host key is written. */
export function hostKey(ctx: RuleContext, ip: string): Node | null {
  return ctx.resolver.host(ip)?.occurrences[0]?.keyNode ?? null;
}

/** Ansible's `|bool`: true, yes, on, 1 (case-insensitive) are true. */
export function truthy(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && /^(true|yes|on|1|y)$/i.test(value.trim());
}

/** An empty value in Pigsty's sense: unset, null or ''. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Compares Pigsty versions like `v4.5.0`; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.-]/).map((p) => parseInt(p, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The node a value is written at (shared by every group that merges one anchor), for de-duplication. */
export function writtenAt(eff: EffectiveValue | undefined): unknown {
  return eff?.entry ? (eff.entry.valueNode ?? eff.entry) : undefined;
}

/** Visits each written entry once: Citus templates repeat group values on every member. */
export function onceEach<T>(): (key: T) => boolean {
  const seen = new Set<T>();
  return (key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** Every written parameter: all.vars, then each group's vars and host vars, in file order. */
export function allVarEntries(ctx: RuleContext): VarEntry[] {
  return ctx.memo(ctx.localScope ? 'places/all-var-entries/local' : 'places/all-var-entries', () => collectVarEntries(ctx));
}

function collectVarEntries(ctx: RuleContext): VarEntry[] {
  const scope = ctx.localScope;
  const out: VarEntry[] = !scope || scope.globalVars ? [...ctx.inventory.globalVars.values()] : [];
  for (const g of scopeGroups(ctx)) {
    out.push(...g.vars.values());
    for (const h of g.hosts) out.push(...h.vars.values());
  }
  return out;
}

/**
 * The written entries of these parameters only, map by map in file order (all.vars, then each
 * group's vars and its hosts' vars). Unlike allVarEntries, which lists every name and so reads
 * everything, this reads just `names`: a rule using it keeps its findings across edits to others.
 */
export function entriesNamed(ctx: RuleContext, names: readonly string[]): VarEntry[] {
  const key = `places/entries-named/${names.join(',')}${ctx.localScope ? '/local' : ''}`;
  return ctx.memo(key, () => {
    const out: VarEntry[] = [];
    const pick = (vars: Map<string, VarEntry>) => {
      for (const name of names) {
        const entry = vars.get(name);
        if (entry) out.push(entry);
      }
    };
    const scope = ctx.localScope;
    if (!scope || scope.globalVars) pick(ctx.inventory.globalVars);
    for (const g of scopeGroups(ctx)) {
      pick(g.vars);
      for (const h of g.hosts) pick(h.vars);
    }
    return out;
  });
}

/** The groups a rule visits: every group, or those of the re-parsed block when a `local` rule runs over it alone. */
export function scopeGroups(ctx: RuleContext): readonly GroupEntry[] {
  return ctx.localScope ? ctx.localScope.groups : ctx.inventory.groups;
}
