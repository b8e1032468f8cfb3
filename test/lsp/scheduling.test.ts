// Keystroke scheduling over stdio: a burst of changes is validated once (not once per change),
// published versions never go backwards, edits inside a group take the block path, and what is
// published equals a full validation of the final text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateInventory } from '../../bench/generate';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lines';
import { allRules } from '../../server/src/rules';
import { VALIDATION_STATS_REQUEST, ValidationStats } from '../../server/src/lsp/diagnostics';
import { LspSession, startLsp } from '../helpers/lspClient';
import { assertFullValidation } from '../helpers/published';

const URI = 'file:///work/bench/pigsty.yml';

/**
 * One change event made of several edits, each `[start, end, text]` in the text as the edits before
 * it left it (the protocol's order, as from several cursors): the LSP changes, and the final text.
 */
function inTurn(text: string, ...edits: ((current: string) => [number, number, string])[]) {
  const changes = [];
  let current = text;
  for (const edit of edits) {
    const [start, end, newText] = edit(current);
    const lines = new LineIndex(current);
    changes.push({ range: { start: lines.position(start), end: lines.position(end) }, text: newText });
    current = current.slice(0, start) + newText + current.slice(end);
  }
  return { changes, final: current };
}

/** `replica` -> `primary` on the first replica of `group`. */
const secondPrimary = (group: string) => (current: string): [number, number, string] => {
  const at = current.indexOf('pg_role: replica', current.indexOf(`${group}:`)) + 'pg_role: '.length;
  return [at, at + 'replica'.length, 'primary'];
};

/** A comment at the end of the primary's host line of `group`. */
const commentOnPrimary = (group: string, comment: string) => (current: string): [number, number, string] => {
  const at = current.indexOf('\n', current.indexOf('pg_role: primary', current.indexOf(`${group}:`)));
  return [at, at, comment];
};

/** Runs `fn` against a server holding the generated 30-cluster inventory, opened and validated. */
async function withInventory(fn: (session: LspSession, text: string) => Promise<void>): Promise<void> {
  const session = await startLsp();
  try {
    const text = generateInventory(30).text;
    await session.open(URI, text, 1);
    await session.diagnostics(URI, 1);
    await fn(session, text);
  } finally {
    await session.close();
  }
}

/** The LSP change that inserts `text` at `offset` of `before`, and the text after it. */
function insertion(before: string, offset: number, text: string) {
  const pos = new LineIndex(before).position(offset);
  return { change: { range: { start: pos, end: pos }, text }, after: before.slice(0, offset) + text + before.slice(offset) };
}

test('a burst of single-character edits costs fewer validations than edits, and ends with the diagnostics of a full validation', async () => {
  const session = await startLsp();
  try {
    let text = generateInventory(300).text;
    await session.open(URI, text, 1);
    const opened = await session.diagnostics(URI, 1);
    assert.equal(opened.length, analyze(text).findings.length, 'didOpen publishes what a full validation finds');

    // type "replica" -> "primary" one character at a time: the last keystroke makes a second primary
    const at = text.indexOf('pg_seq: 2, pg_role: replica') + 'pg_seq: 2, pg_role: '.length;
    const word = 'primary';
    const sends: Promise<void>[] = [];
    let version = 1;
    const del = new LineIndex(text);
    const delStart = del.position(at);
    const delEnd = del.position(at + 'replica'.length);
    sends.push(session.change(URI, ++version, [{ range: { start: delStart, end: delEnd }, text: '' }]));
    text = text.slice(0, at) + text.slice(at + 'replica'.length);
    for (let i = 0; i < word.length; i++) {
      const step = insertion(text, at + i, word[i]);
      sends.push(session.change(URI, ++version, [step.change]));
      text = step.after;
    }
    await Promise.all(sends);
    const final = await session.diagnostics(URI, version);

    assert.ok(analyze(text).findings.some((f) => f.code === 'identity/primary-count'), 'the final text has two primaries');
    assertFullValidation(final, text);

    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    const sent = stats.versions[URI];
    assert.ok(stats.published[URI] < version, `${stats.published[URI]} publications for ${version} versions`);
    assert.deepEqual(sent, [...sent].sort((a, b) => a - b), 'published versions only go forward');
    assert.equal(sent[sent.length - 1], version);
    assert.ok(stats.block >= 1, `edits inside a group took the block path (${JSON.stringify(stats)})`);
  } finally {
    await session.close();
  }
});

test('an edit that renames a group re-parses that group as a run of groups and is published for the newest version', () =>
  withInventory(async (session, text) => {
    const at = text.indexOf('pg-app0002:');
    const step = insertion(text, at + 'pg-app0002'.length, 'x');
    await session.change(URI, 2, [step.change]);
    assert.equal((await session.diagnostics(URI, 2)).length, analyze(step.after).findings.length);
    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.deepEqual([stats.groups, stats.full, stats.lastReason], [1, 1, undefined], 'the open and the rename');
    assert.deepEqual(stats.versions[URI], [1, 2]);
  }));

test('a cluster pasted as a copy of itself: the repeated key is published on its line, and keystrokes in the copy take the block path', () =>
  withInventory(async (session, text) => {
    const start = text.indexOf('\n    pg-app0003:\n') + 1;
    const end = text.indexOf('\n    pg-app0004:\n') + 1;
    const paste = insertion(text, end, text.slice(start, end));
    await session.change(URI, 2, [paste.change]);
    const pasted = await session.diagnostics(URI, 2);
    const copyLine = new LineIndex(paste.after).position(end).line;
    const repeated = pasted.filter((d) => d.code === 'yaml/duplicate-key');
    assert.deepEqual(repeated.map((d) => [d.range.start.line, d.range.start.character, d.message]), [[copyLine, 4, 'YAML: Map keys must be unique']]);
    // a character typed into the copy's password, then deleted
    const at = paste.after.indexOf('password: ', end) + 'password: '.length + 3;
    const typed = insertion(paste.after, at, 'x');
    await session.change(URI, 3, [typed.change]);
    await session.diagnostics(URI, 3);
    const lines = new LineIndex(typed.after);
    await session.change(URI, 4, [{ range: { start: lines.position(at), end: lines.position(at + 1) }, text: '' }]);
    assertFullValidation(await session.diagnostics(URI, 4), paste.after);
    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.deepEqual([stats.full, stats.groups, stats.block], [1, 1, 2], `the open, the paste, the two keystrokes (${stats.lastReason ?? ''})`);
  }));

test('a closed document leaves nothing in the validation stats', () =>
  withInventory(async (session) => {
    let stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.deepEqual(stats.versions[URI], [1]);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    // the request is answered after the notification before it
    stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.equal(stats.versions[URI], undefined);
    assert.equal(stats.published[URI], undefined);
  }));

test('a keystroke in a password re-runs only the rules that read it, and publishes what a full validation finds', () =>
  withInventory(async (session, text) => {
    const at = text.indexOf('password: ', text.indexOf('pg-app0002:')) + 'password: '.length;
    // the password becomes Pigsty's well-known default: the secrets rule must see it
    const start = new LineIndex(text).position(at);
    const end = new LineIndex(text).position(at + 20);
    const after = text.slice(0, at) + 'DBUser.Meta' + text.slice(at + 20);
    await session.change(URI, 2, [{ range: { start, end }, text: 'DBUser.Meta' }]);
    const published = await session.diagnostics(URI, 2);
    const expected = analyze(after).findings;
    assert.ok(expected.some((f) => f.code === 'secrets/default-password'));
    assert.deepEqual(published.map((d) => [d.code, d.message]), expected.map((f) => [f.code, f.message]));
    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.equal(stats.lastReason, undefined, 'the edit took the block path');
    assert.ok(stats.lastRulesRun !== undefined && stats.lastRulesRun < allRules.length / 2, `${stats.lastRulesRun} of ${allRules.length} rules ran`);
    // the rules that judge entry by entry (the secrets rule among them) ran over the edited group alone
    assert.equal(stats.lastRulesRunLocally, allRules.filter((r) => r.local).length);
  }));

test('one change event with several edits (as from several cursors) takes the block path and publishes what a full validation finds', () =>
  withInventory(async (session, text) => {
    // both in pg-app0003, the later edit after the earlier one in the text
    const { changes, final } = inTurn(text, commentOnPrimary('pg-app0003', '  # was alone'), secondPrimary('pg-app0003'));
    await session.change(URI, 2, changes);
    assert.ok(analyze(final).findings.some((f) => f.code === 'identity/primary-count'), 'the final text has two primaries in pg-app0003');
    assertFullValidation(await session.diagnostics(URI, 2), final);
    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.equal(stats.lastReason, undefined, 'the edits took the block path');
    assert.equal(stats.block, 1);
  }));

test('one change event with edits in two groups re-parses both, not the later group alone', () =>
  withInventory(async (session, text) => {
    // the event's bounds must cover both groups: the later edit's alone would cover pg-app0003 only
    const { changes, final } = inTurn(text, secondPrimary('pg-app0002'), commentOnPrimary('pg-app0003', '  # note'));
    await session.change(URI, 2, changes);
    assert.ok(analyze(final).findings.some((f) => f.code === 'identity/primary-count'), 'the final text has two primaries in pg-app0002');
    assertFullValidation(await session.diagnostics(URI, 2), final);
    const stats = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.deepEqual([stats.groups, stats.lastReason], [1, undefined], 'the two groups as a run');
  }));

test('after diagnostics and a pause, the server prepares the next edit; an edit then takes the block path as before', () =>
  withInventory(async (session, text) => {
    const stats = () => session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    const deadline = Date.now() + 5000;
    while ((await stats()).prepared === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await stats()).prepared, 1);
    // near the top, so that every group after it moves by its prepared list of ranges
    const step = insertion(text, text.indexOf('pg_role: primary') + 'pg_role: '.length, 'x');
    await session.change(URI, 2, [step.change]);
    assertFullValidation(await session.diagnostics(URI, 2), step.after);
    const after = await stats();
    assert.equal(after.lastReason, undefined, 'the edit took the block path');
    assert.equal(after.block, 1);
  }));

test('a host line typed a piece at a time is validated on the block path at every keystroke, half-typed YAML problems included', async () => {
  const session = await startLsp();
  try {
    let text = generateInventory(30).text;
    await session.open(URI, text);
    await session.diagnostics(URI, 1);
    const before = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    let at = text.indexOf('\n', text.indexOf('        10.11.2.12: {'));
    let version = 1;
    let problems = 0;
    for (const piece of ['\n', '        1', '0', '.9.0.1', ':', ' {', ' pg_seq', ':', ' 9', ' }']) {
      const lines = new LineIndex(text);
      await session.change(URI, ++version, [{ range: { start: lines.position(at), end: lines.position(at) }, text: piece }]);
      text = text.slice(0, at) + piece + text.slice(at);
      at += piece.length;
      const published = await session.diagnostics(URI, version);
      assertFullValidation(published, text);
      if (published.some((d) => d.code === 'yaml/syntax')) problems++;
    }
    assert.equal(problems, 7, 'the half-typed line is a YAML problem until its colon and again until its brace');
    const after = await session.request<ValidationStats>(VALIDATION_STATS_REQUEST, {});
    assert.equal(after.full, before.full, `no keystroke parsed the whole text (${JSON.stringify(after)})`);
    assert.equal(after.block - before.block, 10);
  } finally {
    await session.close();
  }
});
