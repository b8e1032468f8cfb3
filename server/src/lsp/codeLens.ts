// Code lens above each pg cluster (members, primary, VIP; click for the recovery runbook) and each
// Citus shard (coordinator + workers). A connection has one code lens handler, so this one also
// serves the topology lens above `all:`.
//
// A long inventory has thousands of clusters and the editor asks for every lens after each pause
// in typing, but shows a screenful: a cluster's lens comes without its title, which the editor
// asks for (codeLens/resolve) when the lens comes into view. Above `pigsty.codeLens.clusterLimit`
// clusters the cluster lenses are left out (settings.ts says why) and the topology lens says so.
import type { CodeLens } from 'vscode-languageserver';
import { clusterLensTitle, lensPlaces } from '../fixes/codeLens';
import { toRange } from './convert';
import type { Feature } from './features';
import { topologyLens } from './topology';

/** What a cluster's lens carries until it is resolved. */
interface ClusterLensData {
  uri: string;
  cluster: string;
}

function isClusterLensData(data: unknown): data is ClusterLensData {
  const d = data as Partial<ClusterLensData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.cluster === 'string';
}

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: true } },
  register(connection, ctx) {
    connection.onCodeLens((params): CodeLens[] => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isInventory(doc)) return [];
      const analysis = ctx.analysis(doc);
      const limit = ctx.settings().codeLensClusterLimit;
      const clusters = analysis.pgClusters().size;
      const over = clusters > limit;
      const places = lensPlaces(analysis, ctx.lang()).filter((p) => !over || !('cluster' in p));
      const lenses = places.map((p): CodeLens => {
        const range = toRange(doc, { start: p.span.start, end: p.span.start });
        if ('cluster' in p) return { range, data: { uri: doc.uri, cluster: p.cluster.name } satisfies ClusterLensData };
        return { range, command: { title: p.title, command: '' } };
      });
      const note = over && limit > 0 ? { clusters, limit } : undefined;
      return [...topologyLens(doc, analysis, ctx.lang(), note), ...lenses];
    });
    connection.onCodeLensResolve((lens): CodeLens => {
      if (lens.command || !isClusterLensData(lens.data)) return lens;
      const { uri, cluster } = lens.data;
      const doc = ctx.documents.get(uri);
      const c = doc && ctx.isInventory(doc) ? ctx.analysis(doc).pgClusters().get(cluster) : undefined;
      // the document changed since the lens was made and the cluster is gone: the editor asks for new lenses
      const title = c ? clusterLensTitle(ctx.analysis(doc!), c, ctx.lang()) : cluster;
      return { range: lens.range, command: { title, command: 'pigsty.showRunbook', arguments: [uri, cluster] } };
    });
  },
};
