// The outline cut to pigsty.outline.maxItems: whole levels first, the cached symbols left whole.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver';
import { analyze } from '../../server/src/engine/analyze';
import { outline } from '../../server/src/lsp/documentSymbols';
import { limitOutline } from '../../server/src/lsp/outlineLimit';
import { generateInventory } from '../../bench/generate';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const sym = (name: string, children?: DocumentSymbol[]): DocumentSymbol => ({ name, kind: 3, range: at, selectionRange: at, ...(children ? { children } : {}) });
/** name (children): a shape of the tree, to compare */
const shape = (symbols: DocumentSymbol[]): string[] => symbols.map((s) => (s.children ? `${s.name} (${shape(s.children).join(', ')})` : s.name));

// three levels: 3 groups, 5 hosts and a child group, 1 host of the child group: 10 symbols
const tree = () => [
  sym('a', [sym('a1'), sym('a2')]),
  sym('b', [sym('b1'), sym('sub', [sym('s1')])]),
  sym('c', [sym('c1'), sym('c2')]),
];

describe('limitOutline', () => {
  it('returns the outline itself when it fits', () => {
    const symbols = tree();
    const cut = limitOutline(symbols, 10);
    assert.equal(cut.symbols, symbols);
    assert.deepEqual([cut.listed, cut.total], [10, 10]);
  });

  it('keeps as many whole levels as fit', () => {
    let cut = limitOutline(tree(), 9);
    assert.deepEqual(shape(cut.symbols), ['a (a1, a2)', 'b (b1, sub)', 'c (c1, c2)']);
    assert.deepEqual([cut.listed, cut.total], [9, 10]);
    cut = limitOutline(tree(), 8);
    assert.deepEqual(shape(cut.symbols), ['a', 'b', 'c']);
    assert.deepEqual([cut.listed, cut.total], [3, 10]);
    assert.equal(JSON.stringify(cut.symbols).includes('children'), false);
  });

  it('lists the first groups when the top level alone is longer', () => {
    const cut = limitOutline(tree(), 2);
    assert.deepEqual(shape(cut.symbols), ['a', 'b']);
    assert.deepEqual([cut.listed, cut.total], [2, 10]);
  });

  it('leaves the symbols it was given whole (the outline keeps them for the next version)', () => {
    const symbols = tree();
    limitOutline(symbols, 3);
    limitOutline(symbols, 9);
    assert.deepEqual(shape(symbols), ['a (a1, a2)', 'b (b1, sub (s1))', 'c (c1, c2)']);
  });

  it('on a generated inventory: every group, or every group and host', () => {
    const { text } = generateInventory(40);
    const doc = TextDocument.create('file:///gen.yml', 'yaml', 1, text);
    const analysis = analyze(text);
    const full = outline(doc, analysis);
    const groups = full.length;
    const hosts = full.reduce((n, g) => n + (g.children?.length ?? 0), 0);
    assert.equal(groups, analysis.inventory.groups.filter((g) => g.depth === 1).length);
    assert.ok(hosts > groups && full.every((g) => g.children?.every((h) => !h.children)), `${groups} groups, ${hosts} hosts`);
    const cut = limitOutline(full, groups + hosts - 1);
    assert.deepEqual(cut.symbols.map((s) => s.name), full.map((s) => s.name));
    assert.deepEqual([cut.listed, cut.total], [groups, groups + hosts]);
    assert.equal(limitOutline(full, groups + hosts).symbols, full);
  });
});
