// The topology of an inventory as plain data: what the graph writers (DOT, Mermaid) and the
// topology view draw. Spans are 0-based UTF-16 offsets into the text, like findings.
import type { Severity, Span } from '../engine/findings';

/** Modules drawn as clusters, in drawing order. `group` holds hosts that belong to no module. */
export type ClusterKind = 'infra' | 'etcd' | 'pgsql' | 'minio' | 'redis' | 'group';
export const CLUSTER_KINDS: readonly ClusterKind[] = ['infra', 'etcd', 'pgsql', 'minio', 'redis', 'group'];

export interface TopologyProblem {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
}

/** One host inside one cluster (a host in three modules is a member of three clusters). */
export interface TopologyMember {
  ip: string;
  /** The instance name: `pg-meta-1`, `etcd-1`, `infra-1`, `minio-1`, `redis-ms-1`. */
  name: string;
  /** pg_seq, etcd_seq, infra_seq, minio_seq or redis_node, when it is a number. */
  seq: number | null;
  /** pg_role for PostgreSQL members (primary, replica, standby, offline, delayed). */
  role?: string;
  /** The admin node (`admin_ip`). */
  admin?: boolean;
  /** The host key as written in this cluster's group. */
  span: Span;
}

export interface CitusMembership {
  shard: string;
  group: number;
}

export interface TopologyCluster {
  /** Unique within the model: `<kind>/<name>`. */
  id: string;
  kind: ClusterKind;
  name: string;
  members: TopologyMember[];
  /** pg_vip_address when pg_vip_enabled is true. */
  vip?: string;
  /** pg_mode when it is not plain `pgsql`. */
  mode?: string;
  citus?: CitusMembership;
  /** Where the cluster is defined: its group key, or its `*_cluster` value. */
  span: Span;
  /** Findings about the cluster as a whole (no single member to blame). */
  problems: TopologyProblem[];
}

/** A Citus deployment: the coordinator cluster (pg_group 0) and its worker clusters. */
export interface CitusShard {
  name: string;
  /** Cluster id of the coordinator, or null when no cluster has pg_group 0. */
  coordinator: string | null;
  /** Cluster ids of the workers, by pg_group. */
  workers: string[];
}

export interface TopologyHost {
  ip: string;
  /** The first place the host key is written. */
  span: Span;
  /** Modules the host takes part in (`group` when none). */
  kinds: ClusterKind[];
  /** Errors and warnings whose place lies in one of this host's entries or that name the host. */
  problems: TopologyProblem[];
  /** The worst severity among `problems`, or null. */
  worst: Severity | null;
}

/** Something that could not be drawn, and why, so the view can say so. */
export interface LeftOut {
  reason: 'syntax' | 'too-big' | 'not-inventory' | 'no-groups';
  message: string;
  span: Span | null;
}

export interface TopologyModel {
  /** admin_ip from all.vars, when it is a string. */
  adminIp: string | null;
  clusters: TopologyCluster[];
  citusShards: CitusShard[];
  hosts: TopologyHost[];
  leftOut: LeftOut[];
}
