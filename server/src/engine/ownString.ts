// A substring in V8 may be a view into the string it was cut from, and keeps all of it alive. The
// server cuts blocks out of each version of a document, and their nodes outlive that version: they
// must be cut from a copy, or every version typed stays in memory.

/** `s` in memory of its own: a copy that keeps no larger string alive. */
export function ownString(s: string): string {
  // the concatenation is flattened into a new string before the slice is cut from it
  return (' ' + s).slice(1);
}
