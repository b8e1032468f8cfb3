// A substring in V8 may be a view into the string it was cut from, and keeps all of it alive. The
// server cuts scalars and blocks out of each version of a document; whatever it keeps across
// versions (caches, the nodes of a re-parsed block) must hold copies, or every version typed stays
// in memory.

/** `s` in memory of its own: a copy that keeps no larger string alive. */
export function ownString(s: string): string {
  // the concatenation is flattened into a new string before the slice is cut from it
  return (' ' + s).slice(1);
}
