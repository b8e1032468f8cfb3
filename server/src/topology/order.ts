// The one order every topology output uses, so a graph checked into a repository only changes
// when the inventory does: names compare with their numbers as numbers (pg-citus2 < pg-citus10),
// IPv4 addresses by value.

export function compareNames(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    // odd indexes are the digit runs
    if (i % 2 === 1) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
    }
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareIps(a: string, b: string): number {
  return compareNames(a, b);
}

/** Members: by sequence number (missing last), then by address. */
export function compareMembers(a: { seq: number | null; ip: string }, b: { seq: number | null; ip: string }): number {
  const sa = a.seq ?? Number.POSITIVE_INFINITY;
  const sb = b.seq ?? Number.POSITIVE_INFINITY;
  return sa !== sb ? (sa < sb ? -1 : 1) : compareIps(a.ip, b.ip);
}
