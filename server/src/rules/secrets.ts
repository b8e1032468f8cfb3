// Well-known default credentials written in the inventory (rules-reference §6). Pigsty checks no
// password; its docs say every default must be changed before a deployment is reachable.
import { isAlias, isMap, isScalar, isSeq, Node } from 'yaml';
import {
  GENERATED_PARAMS, GENERATED_VALUES, isWellKnownSecret, PASSWORD_MAPS, SECRET_KEY,
} from '../catalog/defaultCredentials';
import { keyText, mapPairs, resolveAlias } from '../engine/model';
import type { VarEntry } from '../engine/model';
import { ownString } from '../engine/ownString';
import { allVarEntries } from './places';
import { DOCS, Rule, RuleContext } from './types';

interface Hit {
  node: Node;
  param: string;
  value: string;
  topParam: string;
}

/** Walks a value, collecting string scalars under secret-like keys; `path` names them for the user. */
function walk(ctx: RuleContext, node: Node | null, path: string, secret: boolean, top: string, out: Hit[], depth: number, aliases: { seen: boolean }): void {
  if (isAlias(node)) aliases.seen = true;
  const n = resolveAlias(ctx.inventory.doc, node);
  if (!n || depth > 12) return;
  if (isScalar(n)) {
    if (secret && typeof n.value === 'string' && isWellKnownSecret(n.value)) out.push({ node: n, param: path, value: n.value, topParam: top });
    return;
  }
  if (isMap(n)) {
    for (const { pair } of mapPairs(ctx.inventory.doc, n)) {
      const key = keyText(pair.key);
      if (key === null) continue;
      walk(ctx, pair.value as Node | null, `${path}.${key}`, SECRET_KEY.test(key) || (depth === 0 && PASSWORD_MAPS.has(top)), top, out, depth + 1, aliases);
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => {
      if (isAlias(item)) aliases.seen = true;
      const itemNode = resolveAlias(ctx.inventory.doc, item);
      const label = isMap(itemNode) ? keyText(itemNode.get('name', true)) ?? keyText(itemNode.get('access_key', true)) : null;
      walk(ctx, item as Node, `${path}[${label ?? i}]`, secret, top, out, depth + 1, aliases);
    });
  }
}

// The hits of an entry depend only on its nodes unless an alias leads elsewhere in the document;
// the keystroke path keeps the entries (and nodes) of the groups it did not re-parse.
const hitCache = new WeakMap<VarEntry, Hit[]>();

const NO_HITS: Hit[] = [];
const secretNames = new Map<string, boolean>();
const MAX_NAMES = 10_000;

/** Whether a parameter name says secret (`*_password`, ...); names repeat, so each is tested once. */
function isSecretName(name: string): boolean {
  let secret = secretNames.get(name);
  if (secret === undefined) {
    // kept for the server's life: a copy (the name is cut from a document's text), and not every name ever typed
    if (secretNames.size >= MAX_NAMES) secretNames.clear();
    secretNames.set(ownString(name), (secret = SECRET_KEY.test(name)));
  }
  return secret;
}

function hitsOf(ctx: RuleContext, entry: VarEntry): Hit[] {
  // a plain scalar under a name that is no secret holds none (most entries): cheaper to tell than to cache
  if (isScalar(entry.writtenValueNode) && !isSecretName(entry.name)) return NO_HITS;
  const cached = hitCache.get(entry);
  if (cached) return cached;
  const hits: Hit[] = [];
  const aliases = { seen: entry.mergedBy !== undefined };
  walk(ctx, entry.writtenValueNode, entry.name, isSecretName(entry.name), entry.name, hits, 0, aliases);
  if (!aliases.seen) hitCache.set(entry, hits);
  return hits;
}

const defaultPassword: Rule = {
  code: 'secrets/default-password',
  severity: 'warning',
  docs: DOCS.security,
  local: true,
  description: { en: 'A credential is one of Pigsty\'s well-known defaults.', 'zh-cn': '凭据使用了 Pigsty 众所周知的默认值。' },
  messages: {
    default: {
      en: '`{param}` is Pigsty\'s well-known default `{value}`: change it before the deployment is reachable (`./configure -g` generates new ones).',
      'zh-cn': '`{param}` 使用了 Pigsty 众所周知的默认值 `{value}`：请在部署可被访问之前修改（`./configure -g` 可生成新密码）。',
    },
    manual: {
      en: '`{param}` is Pigsty\'s well-known default `{value}`, and `./configure -g` does not replace this one: change it by hand.',
      'zh-cn': '`{param}` 使用了 Pigsty 众所周知的默认值 `{value}`，且 `./configure -g` 不会替换它：请手动修改。',
    },
  },
  check(ctx) {
    const seen = new Set<Node>();
    for (const entry of allVarEntries(ctx)) {
      for (const hit of hitsOf(ctx, entry)) {
        if (seen.has(hit.node)) continue; // one finding per written value, however many hosts inherit it
        seen.add(hit.node);
        const generated = (GENERATED_PARAMS.has(hit.topParam) && hit.param === hit.topParam) || GENERATED_VALUES.has(hit.value);
        ctx.report({ messageId: generated ? 'default' : 'manual', at: hit.node, data: { param: hit.param, value: hit.value } });
      }
    }
  },
};

export const secretsRules: Rule[] = [defaultPassword];
