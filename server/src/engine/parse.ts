// Text -> YAML documents, keeping every node's range. Syntax problems become findings.
import { Document, parseAllDocuments, YAMLMap, isMap, isScalar } from 'yaml';
import type { ScalarTag, Tags } from 'yaml';
import { aliasCycleMessage, aliasLimitMessage, checkAliases, MAX_ALIAS_EXPANSION } from './aliases';
import { fastParse } from './fastParse';
import { formatMessage, Finding, Lang } from './findings';
import { TextMarks } from './textMarks';

/** Above this size only syntax is checked: the rest would make the editor wait. */
export const MAX_SEMANTIC_BYTES = 5 * 1024 * 1024;

export interface ParsedText {
  text: string;
  documents: Document.Parsed[];
  /** The document holding the inventory (the first whose root map has `all`), else the first. */
  inventoryDoc: Document.Parsed | undefined;
  syntax: Finding[];
  /** True when the text was too big for semantic checks, or its aliases expand too far. */
  syntaxOnly: boolean;
  /** True when a document's aliases expand beyond MAX_ALIAS_EXPANSION (reported in `syntax`). */
  aliasBomb: boolean;
  /** Which marker strings the text holds (searched when first asked, carried across edits). */
  marks: TextMarks;
}

// Ansible's own tags: a vaulted secret and an unsafe string are opaque strings to us.
const ansibleTags: ScalarTag[] = ['!vault', '!unsafe'].map((tag) => ({
  tag,
  identify: () => false,
  resolve: (source: string) => source,
}));

// PyYAML's YAML 1.1 booleans: unlike the `yaml` package's 1.1 schema, a bare `y` or `n` stays a string.
const BOOL = 'tag:yaml.org,2002:bool';
const pyyamlBools: ScalarTag[] = [
  { test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/, value: true },
  { test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/, value: false },
].map(({ test, value }) => ({
  tag: BOOL,
  default: true,
  identify: (v: unknown) => typeof v === 'boolean',
  test,
  resolve: () => value,
  stringify: ({ value: v }) => (v ? 'true' : 'false'),
}));

function isBoolTag(tag: unknown): boolean {
  return typeof tag === 'object' && tag !== null && (tag as { tag?: string }).tag === BOOL;
}

const DOCS_SYNTAX = 'https://pigsty.io/docs/concept/iac/inventory/';

// Ansible reads inventories as YAML 1.1 (PyYAML): yes/no/on/off are booleans and `<<` merges.
// `logLevel: 'error'`: yaml prints no warning of its own (a key that is a list, turned into an
// object) to the process; what matters reaches the user as a finding.
export const PARSE_OPTIONS = {
  version: '1.1',
  prettyErrors: false,
  logLevel: 'error',
  uniqueKeys: true,
  customTags: (tags: Tags) => [...tags.filter((t) => !isBoolTag(t)), ...pyyamlBools, ...ansibleTags],
} as const;

export function parseText(text: string, lang: Lang = 'en'): ParsedText {
  // the common shape of an inventory takes the fast path; anything else, and every error, is yaml's
  const fast = text.length <= MAX_SEMANTIC_BYTES ? fastParse(text, PARSE_OPTIONS) : null;
  const documents = fast ? [fast] : parseAllDocuments(text, PARSE_OPTIONS);
  const docs: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  const syntax: Finding[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) {
      syntax.push(yamlProblem(err, 'error', text.length));
    }
    for (const warn of doc.warnings) {
      syntax.push(yamlProblem(warn, 'warning', text.length));
    }
  }
  const inventoryDoc = docs.find((d) => isMap(d.contents) && hasKey(d.contents, 'all')) ?? docs[0];
  const syntaxOnly = text.length > MAX_SEMANTIC_BYTES;
  let aliasBomb = false;
  for (const doc of syntaxOnly || fast ? [] : docs) {
    const { bomb } = checkAliases(doc);
    if (!bomb) continue;
    aliasBomb = true;
    const range = bomb.at.range ?? [0, 0];
    const data = { limit: MAX_ALIAS_EXPANSION };
    syntax.push({
      code: 'yaml/alias-limit',
      severity: 'error',
      span: { start: range[0], end: Math.max(range[0], range[1]) },
      message: formatMessage((bomb.expansion === Infinity ? aliasCycleMessage : aliasLimitMessage)[lang], data),
      data,
      related: [],
      docs: DOCS_SYNTAX,
    });
  }
  return { text, documents: docs, inventoryDoc, syntax, syntaxOnly: syntaxOnly || aliasBomb, aliasBomb, marks: new TextMarks(text) };
}

/** The problem `yaml` reports at a map key (starting at `at`) that repeats an earlier key of its map. */
export function duplicateKeyProblem(at: number, length: number): Finding {
  return yamlProblem({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1] }, 'error', length);
}

function yamlProblem(
  err: { code: string; message: string; pos: [number, number] },
  severity: 'error' | 'warning',
  length: number,
): Finding {
  const start = Math.max(0, Math.min(err.pos[0], length));
  const end = Math.max(start, Math.min(err.pos[1], length));
  const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    code: err.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
    severity,
    span: { start, end: end === start && end < length ? end + 1 : end },
    message: `YAML: ${first}`,
    data: { yamlCode: err.code },
    related: [],
    docs: DOCS_SYNTAX,
  };
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((p) => isScalar(p.key) && String(p.key.value) === key);
}
