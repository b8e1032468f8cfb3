// Every user-facing string exists in English and Simplified Chinese, with the same placeholders:
// rule descriptions and messages (all of `allRules`, so new rules are covered), the engine's own
// findings, SARIF engine codes, package.json contributions (package.nls*.json) and client strings
// (vscode.l10n.t + l10n/bundle.l10n.zh-cn.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { engineCodes } from '../../server/src/cli/sarif';
import { formatText } from '../../server/src/cli/format';
import { aliasCycleMessage, aliasLimitMessage } from '../../server/src/engine/aliases';
import type { MessageText } from '../../server/src/engine/findings';
import { syntaxOnlyNotice } from '../../server/src/engine/notices';
import { suppressionMessages } from '../../server/src/engine/suppressions';
import { allRules } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '../../..');
const CJK = /[\u4e00-\u9fff]/;

function placeholders(s: string): string[] {
  return [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** Problems of one message, as readable lines (empty when fine). */
function check(where: string, m: MessageText | undefined): string[] {
  if (!m) return [`${where}: missing`];
  const out: string[] = [];
  if (typeof m.en !== 'string' || !m.en.trim()) out.push(`${where}: empty English text`);
  if (typeof m['zh-cn'] !== 'string' || !m['zh-cn'].trim()) return [...out, `${where}: no zh-cn translation`];
  if (!CJK.test(m['zh-cn'])) out.push(`${where}: zh-cn text has no Chinese: '${m['zh-cn']}'`);
  const en = placeholders(m.en ?? '');
  const zh = placeholders(m['zh-cn']);
  if (en.join() !== zh.join()) out.push(`${where}: placeholders differ: en {${en.join('}, {')}} vs zh-cn {${zh.join('}, {')}}`);
  return out;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe('localization: English and Simplified Chinese', () => {
  it('the checker catches a missing translation and mismatched placeholders', () => {
    assert.deepEqual(check('x', { en: 'a {b}', 'zh-cn': '' }), ['x: no zh-cn translation']);
    assert.equal(check('x', { en: 'a {b}', 'zh-cn': '甲 {c}' }).length, 1);
    assert.equal(check('x', { en: 'a', 'zh-cn': 'a' }).length, 1);
    assert.deepEqual(check('x', { en: 'a {b}', 'zh-cn': '甲 {b}' }), []);
  });

  it('every rule has a translated description and translated messages', () => {
    assert.ok(allRules.length > 0);
    const problems = allRules.flatMap((rule) => [
      ...check(`${rule.code} description`, rule.description),
      ...(Object.keys(rule.messages).length === 0 ? [`${rule.code}: no messages`] : []),
      ...Object.entries(rule.messages).flatMap(([id, m]) => check(`${rule.code} message '${id}'`, m)),
    ]);
    assert.deepEqual(problems, []);
  });

  it("the engine's own findings and SARIF engine codes are translated", () => {
    const problems = [
      ...check('alias limit', aliasLimitMessage),
      ...check('alias cycle', aliasCycleMessage),
      ...Object.entries(suppressionMessages).flatMap(([id, m]) => check(`suppression '${id}'`, m)),
      ...engineCodes.flatMap((e) => check(`${e.code} description`, e.description)),
    ];
    assert.deepEqual(problems, []);
    assert.match(syntaxOnlyNotice(6 * 1024 * 1024, 'zh-cn').message, CJK);
    assert.match(formatText([], 'zh-cn'), CJK);
    assert.match(formatText([{ file: 'a', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'x/y', message: 'm' }], 'zh-cn'), /1 个错误/);
  });

  it('package.json contributions go through package.nls.json, translated in package.nls.zh-cn.json', () => {
    const pkgText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const pkg = JSON.parse(pkgText) as { displayName: string; description: string; contributes: { configuration: { properties: Record<string, Record<string, unknown>> }; commands: { command: string; title: string }[] } };
    const en = readJson('package.nls.json') as Record<string, string>;
    const zh = readJson('package.nls.zh-cn.json') as Record<string, string>;
    const plain: string[] = [];
    if (!pkg.displayName.startsWith('%')) plain.push('displayName');
    if (!pkg.description.startsWith('%')) plain.push('description');
    for (const c of pkg.contributes.commands) if (!/^%.+%$/.test(c.title)) plain.push(`command ${c.command}: '${c.title}'`);
    for (const [name, prop] of Object.entries(pkg.contributes.configuration.properties)) {
      for (const field of ['description', 'markdownDescription'] as const) {
        const v = prop[field];
        if (typeof v === 'string' && !/^%.+%$/.test(v)) plain.push(`setting ${name}.${field}: '${v}'`);
      }
      if (!prop.description && !prop.markdownDescription) plain.push(`setting ${name}: no description`);
    }
    assert.deepEqual(plain, [], 'use %key% and add the text to package.nls.json and package.nls.zh-cn.json');
    const used = [...pkgText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length >= 8);
    const problems = used.flatMap((k) => check(`package.nls '${k}'`, en[k] === undefined && zh[k] === undefined ? undefined : { en: en[k] ?? '', 'zh-cn': zh[k] ?? '' }));
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'package.nls.json and package.nls.zh-cn.json have the same keys');
  });

  it('client strings passed to vscode.l10n.t have a zh-cn bundle entry with the same placeholders', () => {
    const pkg = readJson('package.json') as { l10n?: string };
    assert.equal(pkg.l10n, './l10n');
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const problems: string[] = [];
    let calls = 0;
    for (const file of sourceFiles('client/src')) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
        calls++;
        const key = m[2].replace(/\\(['"\\])/g, '$1');
        problems.push(...check(`${file}: '${key}'`, bundle[key] === undefined ? undefined : { en: key, 'zh-cn': bundle[key] }));
      }
    }
    assert.ok(calls >= 5, `found only ${calls} l10n.t calls`);
    assert.deepEqual(problems, []);
  });

  it('the client shows no hard-coded English to the user', () => {
    const literal = /(show(?:Information|Warning|Error)Message\(|\b(?:placeHolder|prompt|title|description|detail):\s*)(['"`])/g;
    const offenders: string[] = [];
    for (const file of sourceFiles('client/src')) {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const m of line.matchAll(literal)) {
          // the text of the literal, without interpolations and the product name: words left = English
          const rest = line.slice(m.index! + m[0].length);
          const body = rest.slice(0, Math.max(0, rest.indexOf(m[2])));
          const where = `${file}:${i + 1}: ${line.trim()}`;
          if (/[A-Za-z]{2,}/.test(body.replace(/\$\{[^}]*\}/g, '').replace(/Pigsty/g, '')) && !offenders.includes(where)) offenders.push(where);
        }
      });
    }
    assert.deepEqual(offenders, [], 'wrap these in vscode.l10n.t(...) and add the text to l10n/bundle.l10n.zh-cn.json');
  });
});
