// @ts-check
// What the fixture workspace (test/e2e/workspace) must show, shared by the code-server scenarios
// (scenarios.mjs), the @vscode/test-electron suite (test/electron) and the Neovim check.
'use strict';

const diagnostics = {
  file: 'pigsty.yml',
  /** 1-based, as the Problems panel and Neovim's report show them */
  items: [
    { line: 18, column: 32, code: 'identity/pg-seq', severity: 'error', message: /`pg_seq: 1` is used twice in cluster `pg-meta`/ },
    { line: 23, column: 44, code: 'identity/pg-role', severity: 'error', message: /`pg_role: master` is not a Pigsty role: did you mean `primary`\?/ },
  ],
};

const quickFix = {
  file: 'pigsty.yml',
  /** the diagnostic to fix: `pg_role: master` */
  at: { line: 23, column: 44 },
  title: 'Change pg_role to primary',
  before: '        10.10.10.21: { pg_seq: 1, pg_role: master }',
  after: '        10.10.10.21: { pg_seq: 1, pg_role: primary }',
};

/** The 2-of-3 permanent failure drill: .10 and .11 are lost, .12 survives. */
const promote = {
  file: 'conf/trio.yml',
  /** copied into the workspace at start: the same inventory the promote unit tests use */
  source: 'test/fixtures/seed/promote-trio.yml',
  /** the host key of the survivor in pg-meta */
  host: '10.10.10.12: { pg_seq: 3',
  title: 'Promote 10.10.10.12 as the surviving node of pg-meta',
  /** parsed, the saved file must equal this fixture parsed */
  repaired: 'test/fixtures/seed/promote-trio.repaired.yml',
  commentedOut: ['# 10.10.10.10: { pg_seq: 1, pg_role: primary }', '# 10.10.10.11: { pg_seq: 2, pg_role: replica }'],
};

const hover = {
  file: 'pigsty.yml',
  /** the key `pg_version` in the vars of pg-test */
  needle: 'pg_version: 17',
  texts: ['pg_version', /PostgreSQL major version/, /Level: cluster/, /Default: 18/],
};

const completion = {
  file: 'conf/complete.yml',
  /** a new line typed under this one */
  after: '        pg_cluster: pg-test',
  typed: 'pg_vers',
  label: 'pg_version',
  /** the new line once the item is accepted */
  inserted: /^ {8}pg_version: ?$/,
};

const snippet = {
  file: 'conf/citus.yml',
  /** a new line typed under this one, at the level of the groups */
  after: '        etcd_cluster: etcd',
  indent: '    ',
  prefix: 'citus-sandbox',
  /** the inserted group, read back from the saved file */
  group: 'pg-citus',
  mode: 'citus',
  hosts: ['10.10.10.10', '10.10.10.11', '10.10.10.12', '10.10.10.13'],
};

const outline = {
  file: 'pigsty.yml',
  /** group name and the detail the Outline shows beside it */
  groups: [
    { name: 'pg-meta', detail: 'pgsql · 2 hosts' },
    { name: 'pg-test', detail: 'pgsql · 2 hosts' },
  ],
  hosts: [{ name: '10.10.10.21', detail: /pg-test-1/ }],
};

/** The lens above each pg cluster: the editor asks the server for its title (codeLens/resolve). */
const codeLens = {
  file: 'pigsty.yml',
  titles: ['2 members · primary 10.10.10.10', '2 members · no primary'],
};

/**
 * The outline of a copy of pigsty.yml under another name (4 groups, 6 hosts) with `pigsty.outline.maxItems` 5: the
 * groups fit and the hosts do not, so it lists the groups alone.
 */
const outlineLimit = {
  file: 'outline-limit.yml',
  source: 'test/e2e/workspace/pigsty.yml',
  maxItems: 5,
  groups: ['infra', 'etcd', 'pg-meta', 'pg-test'],
  hosts: ['10.10.10.21', '10.10.10.22'],
  status: 'Outline: 4 of 10',
};

/** Files copied into the throwaway workspace besides test/e2e/workspace: path in the workspace → path in the repo. */
const workspaceExtras = { [promote.file]: promote.source, [outlineLimit.file]: outlineLimit.source };

module.exports = { diagnostics, quickFix, promote, hover, completion, snippet, outline, outlineLimit, codeLens, workspaceExtras };
