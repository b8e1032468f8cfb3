// Every parameter written in an inventory (all.vars, group vars, host vars), once per place it is
// written: keys brought in by `<<: *anchor` are visited once, where the anchor defines them.
import type { VarEntry } from '../engine/model';
import type { RuleContext } from './types';

export function eachWrittenEntry(ctx: RuleContext, visit: (entry: VarEntry, hostCount: number) => void): void {
  const key = ctx.localScope ? 'params/written-entries/local' : 'params/written-entries';
  // indexed loops over two arrays: the first analysis runs before V8 optimizes this code, and a
  // for-of over pairs then allocates an iterator result and a destructuring per entry per rule
  const { entries, hostCounts } = ctx.memo(key, () => writtenEntries(ctx));
  for (let i = 0; i < entries.length; i++) visit(entries[i], hostCounts[i]);
}

interface WrittenEntries {
  entries: VarEntry[];
  /** How many hosts each entry applies to (0 for all.vars). */
  hostCounts: number[];
}

function writtenEntries(ctx: RuleContext): WrittenEntries {
  const scope = ctx.localScope;
  const entries: VarEntry[] = [];
  const hostCounts: number[] = [];
  const seen = new Set<unknown>();
  const once = (entry: VarEntry, hostCount: number) => {
    if (seen.has(entry.keyNode)) return;
    seen.add(entry.keyNode);
    entries.push(entry);
    hostCounts.push(hostCount);
  };
  if (!scope || scope.globalVars) for (const entry of ctx.inventory.globalVars.values()) once(entry, 0);
  for (const group of scope ? scope.groups : ctx.inventory.groups) {
    for (const entry of group.vars.values()) once(entry, group.hosts.length);
    for (const host of group.hosts) for (const entry of host.vars.values()) once(entry, 1);
  }
  return { entries, hostCounts };
}

/** Where an entry is written, in words for messages: `all.vars`, `group pg-test vars`, `host 10.0.0.1`. */
export function placeWords(entry: VarEntry, lang: 'en' | 'zh-cn'): string {
  if (entry.level === 'global') return 'all.vars';
  if (entry.level === 'group') return lang === 'en' ? `group \`${entry.group?.name}\` vars` : `分组 \`${entry.group?.name}\` 的 vars`;
  return lang === 'en' ? `host \`${entry.host?.ip}\`` : `主机 \`${entry.host?.ip}\``;
}

/** Names used inside Jinja expressions of the file: such names are the user's own variables. */
export function jinjaNames(ctx: Pick<RuleContext, 'text' | 'textHas'>): Set<string> {
  const names = new Set<string>();
  if (!ctx.textHas('{{') && !ctx.textHas('{%')) return names;
  const text = ctx.text;
  for (const m of text.matchAll(/\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g)) {
    for (const id of (m[1] ?? m[2]).matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) names.add(id[0]);
  }
  return names;
}

/** `v4.5.0` -> [4, 5, 0]; null for anything else (including `<=v2.0.0`). */
export function parseVersion(v: string | null | undefined): number[] | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(v ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : null;
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
