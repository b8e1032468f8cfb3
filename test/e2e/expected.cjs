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

module.exports = { diagnostics };
