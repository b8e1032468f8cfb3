// What a rule read: the names of the parameters whose values it looked at, or everything. Rules
// read values through the resolver and the inventory's variable maps, which report here while a
// rule runs; touching raw YAML of groups and hosts, the whole text, or iterating a variable map
// counts as reading everything. A rule is a function of what it read (and of the inventory's
// structure), so after an edit that changed neither, its findings stand (engine/incremental.ts).

export class Reads {
  readonly names = new Set<string>();
  all = false;

  add(name: string): void {
    if (!this.all) this.names.add(name);
  }

  addAll(): void {
    this.all = true;
    this.names.clear();
  }

  merge(other: Reads): void {
    if (other.all) this.addAll();
    else if (!this.all) for (const n of other.names) this.names.add(n);
  }

  /** Whether any of `changed` was read. */
  touches(changed: ReadonlySet<string>): boolean {
    if (this.all) return true;
    for (const n of changed) if (this.names.has(n)) return true;
    return false;
  }
}

let current: Reads | null = null;

export function readName(name: string): void {
  if (current) current.add(name);
}

export function readEverything(): void {
  if (current) current.addAll();
}

/** Counts `reads` (those of a shared value computed earlier) as read by whoever is recording now. */
export function readAlso(reads: Reads): void {
  if (current) current.merge(reads);
}

/** Runs `fn` recording its reads into `reads` (and into the enclosing recording, if any). */
export function recordReads<T>(reads: Reads, fn: () => T): T {
  const outer = current;
  current = reads;
  try {
    return fn();
  } finally {
    current = outer;
    if (outer) outer.merge(reads);
  }
}

/** The variables of one place (all.vars, a group, a host): reads of values are recorded. */
export class VarMap<V> extends Map<string, V> {
  override get(name: string): V | undefined {
    if (current) current.add(name);
    return super.get(name);
  }

  override has(name: string): boolean {
    if (current) current.add(name);
    return super.has(name);
  }

  override get size(): number {
    readEverything();
    return super.size;
  }

  override keys(): MapIterator<string> {
    readEverything();
    return super.keys();
  }

  override values(): MapIterator<V> {
    readEverything();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    readEverything();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    readEverything();
    return super.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    readEverything();
    super.forEach(fn, thisArg);
  }
}
