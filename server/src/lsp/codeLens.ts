// Code lens above each pg cluster (members, primary, VIP; click for the recovery runbook) and each
// Citus shard (coordinator + workers). A connection has one code lens handler, so this one also
// serves the topology lens above `all:`.
import type { CodeLens } from 'vscode-languageserver';
import { codeLenses } from '../fixes/codeLens';
import { toRange } from './convert';
import type { Feature } from './features';
import { topologyLens } from './topology';

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(connection, ctx) {
    connection.onCodeLens((params): CodeLens[] => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return [];
      const analysis = ctx.analysis(doc);
      const clusters = codeLenses(analysis, ctx.lang()).map((l): CodeLens => ({
        range: toRange(doc, { start: l.span.start, end: l.span.start }),
        command: l.cluster
          ? { title: l.title, command: 'pigsty.showRunbook', arguments: [doc.uri, l.cluster] }
          : { title: l.title, command: '' },
      }));
      return [...topologyLens(doc, analysis, ctx.lang()), ...clusters];
    });
  },
};
