// PostgreSQL major versions the Citus packages of a Pigsty release are built for.
// v4.5.0: the `citus` package alias is commented `# 18 17 16 15 14` on every current platform
// (roles/node_id/vars/*.yml) and conf/ha/citus.yml says "PostgreSQL 14-18".
// v4.0: the Citus guide of that release says Citus 13.0 supports PostgreSQL 14-17.

export interface CitusSupport {
  /** Pigsty release series, `vMAJOR.MINOR`. */
  series: string;
  pgVersions: readonly number[];
  source: string;
}

export const CITUS_SUPPORT: readonly CitusSupport[] = [
  { series: 'v4.5', pgVersions: [14, 15, 16, 17, 18], source: 'roles/node_id/vars/*.yml citus alias, conf/ha/citus.yml (v4.5.0)' },
  { series: 'v4.0', pgVersions: [14, 15, 16, 17], source: 'docs pgsql/tutorial/citus.md (v4.0.0)' },
];

function series(version: string): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The supported PostgreSQL versions for an inventory's Pigsty version: the entry of its release
 * series, or the newest entry for a release newer than all; undefined when the table does not know.
 */
export function citusPgVersions(pigstyVersion: string): CitusSupport | undefined {
  const v = series(pigstyVersion);
  if (!v) return undefined;
  const exact = CITUS_SUPPORT.find((s) => s.series === `v${v[0]}.${v[1]}`);
  if (exact) return exact;
  const newest = CITUS_SUPPORT[0];
  const n = series(newest.series)!;
  return v[0] > n[0] || (v[0] === n[0] && v[1] > n[1]) ? newest : undefined;
}
