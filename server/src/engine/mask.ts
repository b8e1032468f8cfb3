// Secrets never leave the document: anything that shows a parameter's value outside the editor
// text (hover, logs, output channel, reports) passes it through `maskSecret` when `isSecretParam`.
import { param } from '../catalog/params';

/** Name parts that make a key secret, as Pigsty and Ansible spell them. */
const SECRET_NAME = /(?:^|_)(?:password|passwd|pass|secret|secret_key|access_key|cipher_pass|token|api_key|private_key|credentials?)$|^(?:password|passwd|secret|pgsodium_key|s3_key)$|(?:^|_)(?:password|secret)_/i;

export const MASK = '••••••••';

/** Whether the value of `name` (a parameter, or a key inside one, e.g. `password` of a pg_users item) is a secret. */
export function isSecretParam(name: string): boolean {
  const last = name.split(/[.[\]]/).filter(Boolean).pop() ?? name;
  return param(last)?.type === 'password' || SECRET_NAME.test(last);
}

/** The text to show instead of a secret value: a fixed mask (it tells nothing about the length),
 * except for what is not the secret itself: empty values, Jinja templates and Ansible Vault blobs. */
export function maskSecret(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const v = value.trim();
    if (/^\{\{[\s\S]*\}\}$/.test(v)) return v; // a template: the secret is elsewhere
    if (v.startsWith('$ANSIBLE_VAULT;')) return '(vault)';
  }
  return MASK;
}

/** `maskSecret` when `name` is secret, else the value as text. */
export function shownValue(name: string, value: unknown): string {
  if (isSecretParam(name)) return maskSecret(value);
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** A copy of `value` (the value of `name`) in which every secret, at any depth, is masked:
 * `pg_users` items keep their names but not their passwords. */
export function maskedValue(name: string, value: unknown, depth = 0): unknown {
  if (isSecretParam(name)) return maskSecret(value);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskedValue(name, v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskedValue(k, v, depth + 1);
  return out;
}

const SECRET_LINE = /^(\s*(?:-\s+)?["']?([\w.-]+)["']?\s*:\s*)(?!\s*[|>]\s*$)(.+?)(\s+#.*)?$/;

/** Masks the values of secret keys in YAML-ish text (for logs that quote a document). */
export function maskSecretsInText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = SECRET_LINE.exec(line);
      if (!m || !isSecretParam(m[2])) return line;
      const masked = maskSecret(m[3].replace(/^["']|["']$/g, ''));
      return `${m[1]}${masked}${m[4] ?? ''}`;
    })
    .join('\n')
    .replace(/(\b(?:password|passwd|secret|token)\s*[:=]\s*)(["']?)[^\s,"'}]+\2/gi, (_m, k: string) => `${k}${MASK}`);
}
