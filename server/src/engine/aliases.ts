// Alias bombs ("billion laughs"): a few lines of anchors and aliases that expand to billions of
// values. We count the expanded size without expanding anything (one walk, sizes memoized per
// node), and refuse semantic checks on a document whose aliases add more than a bound.
import { Alias, Document, Node, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { MessageText } from './findings';

/** Values that aliases may add to one document; real inventories stay far below. */
export const MAX_ALIAS_EXPANSION = 100_000;

export const aliasLimitMessage: MessageText = {
  en: 'Anchors and aliases in this document expand to more than {limit} values (an alias bomb?): only YAML syntax is checked.',
  'zh-cn': '此文档中的锚点和别名展开后超过 {limit} 个值（疑似别名炸弹）：只检查 YAML 语法。',
};

export const aliasCycleMessage: MessageText = {
  en: 'This alias refers to the anchored value that contains it, which never ends when expanded: only YAML syntax is checked.',
  'zh-cn': '此别名引用了包含它自身的锚点值，展开后永无止境：只检查 YAML 语法。',
};

export interface AliasCheck {
  /** Alias -> the anchored node it refers to (the last one with that anchor before it). */
  targets: Map<Alias, Node>;
  /** Set when the expansion exceeds the bound or an alias refers to a node that contains it. */
  bomb: { at: Alias; expansion: number } | null;
}

const MAX_DEPTH = 2000;

export function checkAliases(doc: Document.Parsed): AliasCheck {
  const targets = new Map<Alias, Node>();
  const aliases: Alias[] = [];
  const anchors = new Map<string, Node>();
  let written = 0;

  // pass 1, document order: which node each alias names (anchors are registered before their
  // content, so an alias inside its own anchor points at an ancestor: a cycle)
  const visit = (node: unknown, depth: number): void => {
    if (node === null || node === undefined || depth > MAX_DEPTH) return;
    written++;
    if (isAlias(node)) {
      aliases.push(node);
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          visit(item.key, depth + 1);
          visit(item.value, depth + 1);
        } else {
          visit(item, depth + 1);
        }
      }
    }
  };
  visit(doc.contents, 0);
  if (aliases.length === 0) return { targets, bomb: null };

  // pass 2: expanded sizes, memoized; a node met again while being sized is a cycle
  const size = new Map<Node, number>();
  const sizing = new Set<Node>();
  const sizeOf = (node: unknown, depth: number): number => {
    if (node === null || node === undefined) return 0;
    if (depth > MAX_DEPTH) return 1;
    if (isAlias(node)) {
      const target = targets.get(node);
      return target ? sizeOf(target, depth + 1) : 1;
    }
    if (isScalar(node)) return 1;
    const known = size.get(node as Node);
    if (known !== undefined) return known;
    if (sizing.has(node as Node)) return Infinity;
    sizing.add(node as Node);
    let total = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        total += isPair(item) ? sizeOf(item.key, depth + 1) + sizeOf(item.value, depth + 1) : sizeOf(item, depth + 1);
        if (total === Infinity) break;
      }
    }
    sizing.delete(node as Node);
    size.set(node as Node, total);
    return total;
  };
  const expanded = sizeOf(doc.contents, 0);
  const expansion = expanded - written;
  if (expansion <= MAX_ALIAS_EXPANSION) return { targets, bomb: null };

  // point at the alias that brings in the most (the first of them)
  let at = aliases[0];
  let most = -1;
  for (const alias of aliases) {
    const target = targets.get(alias);
    const s = target ? (size.get(target) ?? 1) : 0;
    if (s > most) {
      most = s;
      at = alias;
    }
  }
  return { targets, bomb: { at, expansion } };
}
