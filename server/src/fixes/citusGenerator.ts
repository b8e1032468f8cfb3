// "New Citus cluster": a group that is consistent by construction: groups 0..n (0 = coordinator),
// cluster names = shard + group, one VIP per group inside the hosts' subnet, citus in the extensions,
// libraries and database, and a generated dbsu password shared by every group.
import type { Analysis } from '../engine/analyze';
import { contentEnd, nextLineStart, TextEdit } from './edits';
import { generatePassword } from './passwords';
import { isMap, Node, Pair } from 'yaml';

export interface CitusOptions {
  shard: string;
  /** Worker groups (1..n); group 0 is the coordinator. */
  workers: number;
  /** Replicas per group besides its primary. */
  replicas: number;
  firstIp: string;
  vipStart: string;
  /** Subnet prefix of the hosts and VIPs. */
  prefix?: number;
  interface: string;
  database?: string;
  /** Fixed passwords (tests); generated when omitted. */
  dbsuPassword?: string;
  userPassword?: string;
}

export type CitusResult = { ok: true; yaml: string; hosts: string[]; vips: string[] } | { ok: false; error: string };

export function ipToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function generateCitus(o: CitusOptions, taken: ReadonlySet<string> = new Set()): CitusResult {
  const prefix = o.prefix ?? 24;
  if (!/^[a-z][a-z0-9-]*$/.test(o.shard)) {
    return { ok: false, error: `Shard name "${o.shard}" must start with a letter and use lowercase letters, digits and "-".` };
  }
  if (!Number.isInteger(o.workers) || o.workers < 1 || o.workers > 64) return { ok: false, error: 'Workers must be a whole number from 1 to 64.' };
  if (!Number.isInteger(o.replicas) || o.replicas < 0 || o.replicas > 8) return { ok: false, error: 'Replicas per group must be a whole number from 0 to 8.' };
  if (!Number.isInteger(prefix) || prefix < 8 || prefix > 30) return { ok: false, error: 'The subnet prefix must be from 8 to 30.' };
  if (!/^[^\s/:]{1,15}$/.test(o.interface)) return { ok: false, error: `"${o.interface}" cannot be a network interface name.` };
  const first = ipToInt(o.firstIp);
  const vip0 = ipToInt(o.vipStart);
  if (first === null) return { ok: false, error: `"${o.firstIp}" is not an IPv4 address.` };
  if (vip0 === null) return { ok: false, error: `"${o.vipStart}" is not an IPv4 address.` };
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const net = (first & mask) >>> 0;
  const broadcast = (net | (~mask >>> 0)) >>> 0;
  const inSubnet = (n: number) => n > net && n < broadcast;
  const size = o.replicas + 1;
  const groups = o.workers + 1;
  const hosts = Array.from({ length: groups * size }, (_, i) => first + i);
  const vips = Array.from({ length: groups }, (_, g) => vip0 + g);
  const subnet = `${intToIp(net)}/${prefix}`;
  if (!hosts.every(inSubnet)) return { ok: false, error: `${groups * size} hosts from ${o.firstIp} do not fit in ${subnet}.` };
  if (!vips.every(inSubnet)) return { ok: false, error: `${groups} VIPs from ${o.vipStart} do not fit in the hosts' subnet ${subnet}.` };
  const clash = vips.find((v) => hosts.includes(v));
  if (clash !== undefined) return { ok: false, error: `VIP ${intToIp(clash)} would be one of the new hosts: pick a VIP range outside ${intToIp(hosts[0])}-${intToIp(hosts[hosts.length - 1])}.` };
  const used = [...hosts, ...vips].map(intToIp).find((ip) => taken.has(ip));
  if (used) return { ok: false, error: `${used} is already used in this inventory.` };

  const db = o.database ?? 'citus';
  const user = `dbuser_${db}`;
  const lines: string[] = [`${o.shard}:`, '  hosts:'];
  for (let g = 0; g < groups; g++) {
    for (let s = 0; s < size; s++) {
      const ip = intToIp(hosts[g * size + s]);
      lines.push(`    ${ip}: { pg_group: ${g}, pg_cluster: ${o.shard}${g}, pg_vip_address: ${intToIp(vips[g])}/${prefix}, pg_seq: ${s + 1}, pg_role: ${s === 0 ? 'primary' : 'replica'} }`);
    }
  }
  lines.push(
    '  vars:',
    '    pg_mode: citus                  # Patroni runs the groups as one Citus cluster',
    `    pg_shard: ${o.shard}`,
    `    pg_primary_db: ${db}`,
    '    pg_vip_enabled: true',
    `    pg_vip_interface: ${o.interface}`,
    `    pg_dbsu_password: ${o.dbsuPassword ?? generatePassword()}   # the groups connect to each other as the dbsu`,
    '    pg_extensions: [ citus ]',
    "    pg_libs: 'citus, pg_stat_statements, auto_explain'",
    `    pg_users: [ { name: ${user}, password: ${o.userPassword ?? generatePassword()}, pgbouncer: true, roles: [ dbrole_admin ] } ]`,
    `    pg_databases: [ { name: ${db}, owner: ${user}, extensions: [ citus ] } ]`,
    "    pg_parameters: { citus.node_conninfo: 'sslrootcert=/pg/cert/ca.crt sslmode=verify-full' }",
    '    pg_hba_rules:',
    "      - { user: all, db: all, addr: 127.0.0.1/32, auth: ssl, title: 'all user ssl access from localhost' }",
    "      - { user: all, db: all, addr: intra, auth: ssl, title: 'all user ssl access from intranet' }",
  );
  return { ok: true, yaml: lines.join('\n') + '\n', hosts: hosts.map(intToIp), vips: vips.map(intToIp) };
}

/** Every IP written as a host or a VIP in the inventory, so the generator does not reuse one. */
export function takenAddresses(analysis: Analysis): Set<string> {
  const taken = new Set<string>(analysis.inventory.hostOccurrences.keys());
  for (const ip of analysis.resolver.hostIps()) {
    for (const name of ['pg_vip_address', 'vip_address']) {
      const v = analysis.resolver.explicit(ip, name)?.value;
      if (typeof v === 'string') taken.add(v.split('/')[0]);
    }
  }
  return taken;
}

/** Inserts a generated group at the end of `all.children`, at the indentation of its groups. */
export function insertGroup(analysis: Analysis, groupYaml: string, groupName: string): { ok: true; edit: TextEdit } | { ok: false; error: string } {
  const text = analysis.parsed.text;
  const children = analysis.inventory.childrenNode;
  if (analysis.inventory.groupsByName.has(groupName)) return { ok: false, error: `A group named ${groupName} already exists.` };
  if (!isMap(children) || children.flow || children.items.length === 0) {
    return { ok: false, error: 'all.children must be a block map with at least one group to insert a new group.' };
  }
  const items = children.items as Pair[];
  const firstKey = items[0].key as Node;
  const indent = ' '.repeat(firstKey.range![0] - (text.lastIndexOf('\n', firstKey.range![0] - 1) + 1));
  const last = items[items.length - 1];
  const end = last.value && (last.value as Node).range ? contentEnd(text, last.value as Node) : (last.key as Node).range![1];
  const at = nextLineStart(text, end);
  const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
  const body = groupYaml.replace(/^(?=.)/gm, indent);
  return { ok: true, edit: { span: { start: at, end: at }, newText: `${lead}\n${body}` } };
}
