// The JavaScript value of a node in a document without anchors or aliases, equal to what
// `node.toJS(doc)` gives (scalars keep their values, map keys become strings as yaml makes them),
// without yaml's general machinery for aliases and merge keys. Anything it does not model, a merge
// key or a key that is not a plain value, makes it return NOT_PLAIN, and the caller asks yaml.
import { isMap, isScalar, isSeq } from 'yaml';

export const NOT_PLAIN = Symbol('not plain');

class NotPlain extends Error {}

export function plainValue(node: unknown): unknown {
  try {
    return convert(node, 0);
  } catch (err) {
    if (err instanceof NotPlain) return NOT_PLAIN;
    throw err;
  }
}

function convert(node: unknown, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > 256) throw new NotPlain();
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || key.source === '<<') throw new NotPlain();
      const k = key.value;
      if ((k !== null && typeof k === 'object') || typeof k === 'symbol') throw new NotPlain();
      const name = k === null || k === undefined ? '' : String(k);
      const value = convert(pair.value, depth + 1);
      // as yaml does: a name the object already answers to (`__proto__`, `toString`) becomes an own property
      if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  throw new NotPlain();
}
