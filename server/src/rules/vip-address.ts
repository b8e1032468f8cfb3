// Reading a VIP the way vip-manager's template does: `<ipv4>/<prefix>`, the part after `/` is the
// netmask, 24 when absent (roles/pgsql/templates/vip-manager.yml). Subnet maths via `ip-address`.
import { Address4 } from 'ip-address';

export interface VipParts {
  /** The text before `/`. */
  address: string;
  /** The text after `/`, or null when there is no `/`. */
  prefixText: string | null;
}

export function splitVip(value: unknown): VipParts | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const slash = text.indexOf('/');
  return slash < 0 ? { address: text, prefixText: null } : { address: text.slice(0, slash), prefixText: text.slice(slash + 1) };
}

export function isIPv4Address(text: string): boolean {
  return !text.includes('/') && Address4.isValid(text);
}

/** A prefix 0-32 as a number; null when it is not a plain decimal in that range. */
export function prefixNumber(text: string): number | null {
  if (!/^[0-9]{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n <= 32 ? n : null;
}

export function subnet(address: string, prefix: number): { network: string; broadcast: string } {
  const a = new Address4(`${address}/${prefix}`);
  return { network: a.startAddress().correctForm(), broadcast: a.endAddress().correctForm() };
}

export function inSubnet(host: string, address: string, prefix: number): boolean {
  if (!isIPv4Address(host)) return false;
  return new Address4(host).isInSubnet(new Address4(`${address}/${prefix}`));
}
