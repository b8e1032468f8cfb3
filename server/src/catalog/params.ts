// Pigsty's parameter facts (v4.5.0): name, module, type, level, default, first version.
import paramsJson from './data/params-v4.5.0.json';
import removedJson from './data/params-removed.json';

export const CATALOG_VERSION = 'v4.5.0';

export interface ParamFact {
  name: string;
  module: string;
  section: string;
  type: string;
  /** G, C, I, A and combinations such as C/I, as Pigsty's cmdb writes them. */
  level: string;
  /** JSON text of the role default, or null when there is none. */
  default: string | null;
  description: string;
  kind: 'parameter' | 'cli-arg' | 'internal' | 'hidden' | 'derived';
  /** First Pigsty tag that has it ("<=v2.0.0" when older), null for derived facts. */
  since: string | null;
}

export interface RemovedParam {
  name: string;
  role: string;
  firstSeen: string;
  lastSeen: string;
  removedIn: string;
  comment: string;
}

export const PARAMS: readonly ParamFact[] = paramsJson as ParamFact[];
export const REMOVED_PARAMS: readonly RemovedParam[] = removedJson as RemovedParam[];

const byName = new Map<string, ParamFact>(PARAMS.map((p) => [p.name, p]));
const removedByName = new Map<string, RemovedParam>(REMOVED_PARAMS.map((p) => [p.name, p]));
/** Identity parameters have no default, whatever cmdb says (`pg_role` is listed there as replica). */
export const IDENTITY_PARAMS: ReadonlySet<string> = new Set([
  'pg_cluster', 'pg_seq', 'pg_role', 'etcd_seq', 'minio_cluster', 'minio_seq', 'redis_cluster', 'redis_node',
  'redis_instances', 'infra_seq', 'kafka_cluster', 'kafka_seq', 'mysql_cluster', 'mysql_seq',
]);

const defaultCache = new Map<string, { value: unknown } | undefined>();

export function param(name: string): ParamFact | undefined {
  return byName.get(name);
}

export function removedParam(name: string): RemovedParam | undefined {
  return removedByName.get(name);
}

/** The role default as a value, or undefined when the parameter has none. */
export function defaultOf(name: string): { value: unknown } | undefined {
  if (defaultCache.has(name)) return defaultCache.get(name);
  const fact = byName.get(name);
  if (!fact) return undefined;
  let result: { value: unknown } | undefined;
  if (fact.default !== null && fact.kind !== 'derived' && !IDENTITY_PARAMS.has(name)) {
    try {
      result = { value: JSON.parse(fact.default) };
    } catch {
      result = { value: fact.default };
    }
  }
  defaultCache.set(fact.name, result); // the catalog's string, not one cut from a document
  return result;
}
