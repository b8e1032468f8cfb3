// Fixes for single written values: the VIP prefix and interface, the etcd cluster name, a misspelled
// parameter name, a well-known default password.
import { isMap, isScalar, Node } from 'yaml';
import { compareVersions } from '../rules/places';
import { findMapPair, replaceNode, TextEdit, yamlValue } from './edits';
import { entryAt } from './hostEdits';
import { replacePassword } from './passwords';
import { fix, FixBuilder, FixRequest, str, tr } from './types';

/** Replaces the value written at the finding's place. */
function replaceAt(req: FixRequest, value: string): TextEdit | undefined {
  const entry = entryAt(req.analysis, req.span.start);
  const node = entry?.writtenValueNode;
  if (!entry || !node?.range || entry.mergedBy) return undefined;
  return replaceNode(req.analysis.parsed.text, node, yamlValue(value, entry.valueNode));
}

const vipPrefix: FixBuilder = (req) => {
  const vip = `${str(req.data.vip)}/${str(req.data.prefix) || '24'}`;
  return fix(tr(req, `Write pg_vip_address: ${vip}`, `改为 pg_vip_address: ${vip}`), [replaceAt(req, vip)], true);
};

const vipInterface: FixBuilder = (req) => {
  const version = String(req.analysis.inventory.globalVars.get('version')?.value ?? 'v4.5.0');
  if (req.data.value === undefined || compareVersions(version, 'v4.4.0') < 0) return [];
  return fix(tr(req, `Set ${str(req.data.param) || 'pg_vip_interface'}: auto (the NIC that holds the host's IP)`, `设置 ${str(req.data.param) || 'pg_vip_interface'}: auto（承载主机 IP 的网卡）`), [replaceAt(req, 'auto')], true);
};

const etcdClusterName: FixBuilder = (req) => {
  const expected = str(req.data.expected) || 'etcd';
  return fix(tr(req, `Set etcd_cluster: ${expected}`, `设置 etcd_cluster: ${expected}`), [replaceAt(req, expected)], true);
};

const unknownParam: FixBuilder = (req) => {
  const suggestion = str(req.data.suggestion);
  const entry = entryAt(req.analysis, req.span.start);
  if (!suggestion || !entry || entry.mergedBy) return [];
  const owner = entry.host ? entry.host.valueNode : entry.group ? entry.group.varsNode : req.analysis.inventory.varsNode;
  if (isMap(owner) && findMapPair(owner, suggestion)) return []; // renaming would write the key twice
  const k = entry.keyNode as Node;
  const quoted = isScalar(k) && (k.type === 'QUOTE_SINGLE' || k.type === 'QUOTE_DOUBLE');
  const newText = quoted ? yamlValue(suggestion, k) : suggestion;
  return fix(tr(req, `Rename ${str(req.data.name)} to ${suggestion}`, `将 ${str(req.data.name)} 更正为 ${suggestion}`), [{ span: { start: k.range![0], end: k.range![1] }, newText }], true);
};

const defaultPassword: FixBuilder = (req) => {
  const value = str(req.data.value);
  const { edits, count } = replacePassword(req.analysis, value);
  if (!edits.length) return [];
  return [{ title: tr(req, `Replace ${value} with a generated password${count > 1 ? ` (${count} places)` : ''}`, `将 ${value} 替换为生成的密码${count > 1 ? `（${count} 处）` : ''}`), edits, preferred: true }];
};

export const configFixes: Record<string, FixBuilder> = {
  'vip/prefix-missing': vipPrefix,
  'vip/interface': vipInterface,
  'etcd/cluster-name': etcdClusterName,
  'params/unknown': unknownParam,
  'secrets/default-password': defaultPassword,
};
