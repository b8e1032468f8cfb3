// Effective parameters per host, the way Ansible merges a YAML inventory for Pigsty:
// role defaults < all.vars < group vars (by depth, ansible_group_priority, then group name; the
// later wins) < host vars (every place the host is written; the later wins).
import type { GroupEntry, HostEntry, Inventory, VarEntry } from './model';
import { readEverything, readName } from './reads';

export interface EffectiveValue {
  name: string;
  value: unknown;
  /** Where the value is written; null when it is the role default. */
  entry: VarEntry | null;
  /** Lower-priority places that also set it, highest first (what this value overrides). */
  overridden: VarEntry[];
}

export type DefaultLookup = (name: string) => { value: unknown } | undefined;

export interface HostView {
  ip: string;
  /** Every place the host key is written, in file order. */
  occurrences: HostEntry[];
  /** Groups the host belongs to (with ancestors), in merge order: the last one wins. */
  groups: GroupEntry[];
}

const NOTHING_OVERRIDDEN: VarEntry[] = Object.freeze([]) as unknown as VarEntry[];

export class Resolver {
  private readonly views: Map<string, HostView>;
  private readonly layerCache: Map<string, Map<string, VarEntry>[]>;
  /** get() answers by host and name: rules ask the same questions many times per analysis. */
  private readonly valueCache: Map<string, Map<string, EffectiveValue | undefined>>;
  /** Where each host is first written, in hostIps() order; built when first asked. */
  private positions?: Map<string, number>;
  /**
   * The hosts worked out again when built from a previous resolver (the others kept their
   * answers); null when every host was worked out from scratch.
   */
  readonly reworked: ReadonlySet<string> | null;

  /**
   * `previous`: the resolver of an earlier version whose model shares the entries this edit did not
   * touch (the keystroke path), which must not be used afterwards. A host written in the very same places (the same host entries, so
   * the same groups and variable maps) under the same all.vars keeps its view, its layers and its
   * answers: only the hosts of the edited block are worked out again.
   * `edited`: when the caller knows the edit kept the inventory's structure, the hosts written in
   * the edited block, before or after. They are the only ones whose places changed, so the others
   * are kept without comparing (if one is missing from either version, they are compared after all).
   */
  constructor(
    readonly inventory: Inventory,
    private readonly defaults: DefaultLookup = () => undefined,
    previous?: Resolver,
    edited?: ReadonlySet<string>,
  ) {
    const carry = previous && previous.defaults === defaults && previous.inventory.globalVars === inventory.globalVars ? previous : undefined;
    if (carry && edited && [...edited].every((ip) => carry.views.has(ip) && inventory.hostOccurrences.has(ip))) {
      // the previous version is consumed (engine/incremental.ts): its maps are taken over as they are
      this.views = carry.views;
      this.layerCache = carry.layerCache;
      this.valueCache = carry.valueCache;
      // the same hosts (each edited one was there already), so the same order
      this.positions = carry.positions;
      for (const ip of edited) {
        this.layerCache.delete(ip);
        this.valueCache.delete(ip);
        this.views.set(ip, viewOf(ip, inventory.hostOccurrences.get(ip)!));
      }
      this.reworked = edited;
      return;
    }
    this.views = new Map();
    this.layerCache = new Map();
    this.valueCache = new Map();
    const reworked = carry ? new Set<string>() : null;
    for (const [ip, occurrences] of inventory.hostOccurrences) {
      const before = carry?.views.get(ip);
      if (before && sameItems(before.occurrences, occurrences)) {
        this.views.set(ip, before);
        const layers = carry!.layerCache.get(ip);
        if (layers) this.layerCache.set(ip, layers);
        const answers = carry!.valueCache.get(ip);
        if (answers) this.valueCache.set(ip, answers);
        continue;
      }
      reworked?.add(ip);
      this.views.set(ip, viewOf(ip, occurrences));
    }
    this.reworked = reworked;
  }

  /** Host IPs in the order they are first written. */
  hostIps(): string[] {
    return [...this.views.keys()];
  }

  /** The place of `ip` in hostIps(). */
  position(ip: string): number | undefined {
    if (!this.positions) {
      this.positions = new Map();
      for (const h of this.views.keys()) this.positions.set(h, this.positions.size);
    }
    return this.positions.get(ip);
  }

  host(ip: string): HostView | undefined {
    return this.views.get(ip);
  }

  /** Layers from highest to lowest priority. */
  private layers(ip: string): Map<string, VarEntry>[] {
    const cached = this.layerCache.get(ip);
    if (cached) return cached;
    const view = this.views.get(ip);
    const layers: Map<string, VarEntry>[] = [];
    if (view) {
      for (let i = view.occurrences.length - 1; i >= 0; i--) layers.push(view.occurrences[i].vars);
      for (let i = view.groups.length - 1; i >= 0; i--) layers.push(view.groups[i].vars);
    }
    layers.push(this.inventory.globalVars);
    this.layerCache.set(ip, layers);
    return layers;
  }

  /** The effective value of `name` on host `ip`, or undefined when neither set nor defaulted. */
  get(ip: string, name: string): EffectiveValue | undefined {
    readName(name);
    const byName = this.answers(ip);
    const known = byName.get(name);
    if (known !== undefined || byName.has(name)) return known;
    const v = this.compute(ip, name);
    byName.set(name, v);
    return v;
  }

  /**
   * An object that a resolver of a later version hands out again for `ip` exactly while the host
   * keeps its answers (it is the host's table of answers): what a feature derived from them may
   * be kept under it.
   */
  stamp(ip: string): object {
    return this.answers(ip);
  }

  private answers(ip: string): Map<string, EffectiveValue | undefined> {
    let byName = this.valueCache.get(ip);
    if (!byName) this.valueCache.set(ip, (byName = new Map()));
    return byName;
  }

  private compute(ip: string, name: string): EffectiveValue | undefined {
    let winner: VarEntry | null = null;
    // most values are written once: share one empty list rather than make one per answer
    let overridden: VarEntry[] = NOTHING_OVERRIDDEN;
    const layers = this.layers(ip);
    for (let i = 0; i < layers.length; i++) {
      const entry = layers[i].get(name);
      if (!entry) continue;
      if (!winner) winner = entry;
      else if (overridden === NOTHING_OVERRIDDEN) overridden = [entry];
      else overridden.push(entry);
    }
    if (winner) return { name, value: winner.value, entry: winner, overridden };
    const d = this.defaults(name);
    return d ? { name, value: d.value, entry: null, overridden } : undefined;
  }

  /** The effective value, or undefined when only the role default would apply. */
  explicit(ip: string, name: string): EffectiveValue | undefined {
    const v = this.get(ip, name);
    return v && v.entry ? v : undefined;
  }

  value(ip: string, name: string): unknown {
    return this.get(ip, name)?.value;
  }

  /** Every name set anywhere for this host (not defaults). */
  names(ip: string): Set<string> {
    readEverything();
    const out = new Set<string>();
    for (const layer of this.layers(ip)) for (const k of layer.keys()) out.add(k);
    return out;
  }
}

/** A host's groups (with ancestors) in merge order. */
function viewOf(ip: string, occurrences: HostEntry[]): HostView {
  const set = new Set<GroupEntry>();
  for (const occ of occurrences) {
    for (let g: GroupEntry | undefined = occ.group; g; g = g.parent) set.add(g);
  }
  return { ip, occurrences, groups: [...set].sort(compareGroups) };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function groupPriority(g: GroupEntry): number {
  const p = g.vars.get('ansible_group_priority')?.value;
  return typeof p === 'number' ? p : 1;
}

function compareGroups(a: GroupEntry, b: GroupEntry): number {
  return a.depth - b.depth || groupPriority(a) - groupPriority(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
