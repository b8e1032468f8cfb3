// Strong passwords in place of Pigsty's well-known defaults. Each default value gets one new
// password, written everywhere that value is flagged, so pairs that must match (a MinIO user's
// secret and pgBackRest's `s3_key_secret`) keep matching: a superset of `./configure -g`.
import { randomInt } from 'node:crypto';
import { isScalar, Node, visit } from 'yaml';
import { analyze, Analysis } from '../engine/analyze';
import { secretsRules } from '../rules/secrets';
import { contentEnd, TextEdit, yamlValue } from './edits';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHABET = LETTERS + '0123456789';

/** A random alphanumeric password (24 characters like `configure -g`), starting with a letter so YAML reads it as a string. */
export function generatePassword(length = 24): string {
  let out = LETTERS[randomInt(LETTERS.length)];
  while (out.length < Math.max(length, 12)) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

interface Flagged {
  node: Node;
  value: string;
}

/** The value nodes the secrets rule flags (re-run alone, so a user's severity setting does not hide them). */
function flagged(analysis: Analysis): Flagged[] {
  const text = analysis.parsed.text;
  const findings = analyze(text, { rules: secretsRules, assumeInventory: true }).findings.filter((f) => f.code === 'secrets/default-password');
  const starts = new Set(findings.map((f) => f.span.start));
  const out: Flagged[] = [];
  if (!analysis.inventory.doc) return out;
  visit(analysis.inventory.doc, {
    Scalar(_k, node) {
      if (node.range && starts.has(node.range[0]) && typeof node.value === 'string') out.push({ node, value: node.value });
    },
  });
  return out;
}

/** Dotted defaults (`DBUser.Meta`) are distinctive enough to replace inside other strings (URLs, app env). */
function embeddedPattern(value: string): RegExp | null {
  if (!/^[A-Za-z0-9]+\.[A-Za-z0-9.]+$/.test(value)) return null;
  return new RegExp(`(?<![A-Za-z0-9.])${value.replace(/\./g, '\\.')}(?![A-Za-z0-9])`, 'g');
}

function replaceValues(analysis: Analysis, only?: string): { edits: TextEdit[]; count: number; values: Map<string, string> } {
  const text = analysis.parsed.text;
  const hits = flagged(analysis).filter((h) => only === undefined || h.value === only);
  const values = new Map<string, string>();
  for (const h of hits) if (!values.has(h.value)) values.set(h.value, generatePassword());
  const edits: TextEdit[] = [];
  const done = new Set<Node>();
  for (const h of hits) {
    done.add(h.node);
    edits.push({ span: { start: h.node.range![0], end: contentEnd(text, h.node) }, newText: yamlValue(values.get(h.value)!, h.node) });
  }
  const patterns = [...values].map(([old, neu]) => ({ re: embeddedPattern(old), neu })).filter((p) => p.re);
  if (patterns.length && analysis.inventory.doc) {
    visit(analysis.inventory.doc, {
      Scalar(_k, node) {
        if (done.has(node) || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        const src = text.slice(node.range[0], node.range[1]);
        let next = src;
        for (const p of patterns) next = next.replace(p.re!, p.neu);
        if (next !== src) edits.push({ span: { start: node.range[0], end: node.range[1] }, newText: next });
      },
    });
  }
  return { edits, count: hits.length, values };
}

/** Every flagged default, each distinct value replaced by one generated password. */
export function replaceAllPasswords(analysis: Analysis): { edits: TextEdit[]; count: number; values: Map<string, string> } {
  return replaceValues(analysis);
}

/** One default value, everywhere it is flagged. */
export function replacePassword(analysis: Analysis, value: string): { edits: TextEdit[]; count: number } {
  return replaceValues(analysis, value);
}
