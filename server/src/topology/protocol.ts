// The `pigsty/topology` request, shared by the language server and the VS Code client: the
// topology of one open inventory, with line/character ranges in place of offsets so the view can
// reveal a cluster or a host without knowing the text.
import type { TopologyModel } from './types';

export const TOPOLOGY_REQUEST = 'pigsty/topology';

export interface TopologyParams {
  textDocument: { uri: string };
  /**
   * The version whose topology the view draws now: when the topology of the current version is the
   * same, the answer leaves it out (UnchangedTopology).
   */
  shown?: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `T` with every `{start, end}` offset span replaced by a line/character range. */
export type Ranged<T> = T extends { start: number; end: number }
  ? Range
  : T extends readonly (infer U)[]
    ? Ranged<U>[]
    : T extends object
      ? { [K in keyof T]: Ranged<T[K]> }
      : T;

export type RangedTopology = Ranged<TopologyModel>;

export interface TopologyResponse {
  uri: string;
  version: number;
  /** False when the document is not served as a Pigsty inventory (the model is then empty). */
  isInventory: boolean;
  model: RangedTopology;
}

/** The answer when the topology is the one of version `shown`: the view keeps what it draws. */
export interface UnchangedTopology {
  uri: string;
  version: number;
  unchanged: true;
}
