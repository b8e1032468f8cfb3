// Reading a VIP the way vip-manager's template does: `<ipv4>/<prefix>`, the part after `/` is the
// netmask, 24 when absent (roles/pgsql/templates/vip-manager.yml). Subnet maths on 32-bit numbers.

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

// ip-address's own test of an IPv4 address without `/prefix` (Address4.isValid): four octets 0-255
// written without leading zeros. Done here with one regular expression and no exception, because
// the rules ask it for every host and VIP on every keystroke.
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function isIPv4Address(text: string): boolean {
  return IPV4.test(text);
}

/** A valid IPv4 address as an unsigned 32-bit number; null when it is not one. */
export function ipv4Number(text: string): number | null {
  const m = IPV4.exec(text);
  return m ? ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0 : null;
}

function dotted(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** A prefix 0-32 as a number; null when it is not a plain decimal in that range. */
export function prefixNumber(text: string): number | null {
  if (!/^[0-9]{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n <= 32 ? n : null;
}

/** Network and broadcast address of `address/prefix` (a valid address, prefix 0-32). */
export function subnet(address: string, prefix: number): { network: string; broadcast: string } {
  const a = ipv4Number(address);
  if (a === null) throw new Error(`Invalid IPv4 address: ${address}`);
  const mask = maskOf(prefix);
  const network = (a & mask) >>> 0;
  return { network: dotted(network), broadcast: dotted((network | ~mask) >>> 0) };
}

export function inSubnet(host: string, address: string, prefix: number): boolean {
  const h = ipv4Number(host);
  const a = ipv4Number(address);
  if (h === null || a === null) return false;
  const mask = maskOf(prefix);
  return ((h & mask) >>> 0) === ((a & mask) >>> 0);
}
