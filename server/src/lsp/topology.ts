// The topology view's data (`pigsty/topology`) and the "Show topology" code lens above `all:`
// (served by codeLens.ts, the connection's one code lens handler).
// The model is built from the shared analysis of the document's current version.
import type { CodeLens, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import type { Lang, Span } from '../engine/findings';
import { spanOf } from '../engine/model';
import { buildTopology } from '../topology/model';
import { RangedTopology, TOPOLOGY_REQUEST, TopologyParams, TopologyResponse, UnchangedTopology } from '../topology/protocol';
import type { TopologyModel } from '../topology/types';
import { toRange } from './convert';
import type { Feature } from './features';
import type { ServerContext } from './server';

export const SHOW_TOPOLOGY_COMMAND = 'pigsty.showTopology';

const LENS_TITLE: Record<Lang, string> = { en: 'Show topology', 'zh-cn': '显示拓扑图' };

/** Exactly `{start, end}` with numbers: a span of the model (nothing else in it has only those keys). */
function isSpan(v: object): v is Span {
  let keys = 0;
  for (const k in v) if (++keys > 2 || (k !== 'start' && k !== 'end')) return false;
  return keys === 2 && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';
}

/** The model with every span turned into a range of `doc`. */
export function withRanges(doc: TextDocument, model: TopologyModel): RangedTopology {
  // at 10,000 clusters the model has about 100,000 objects: plain loops, no entry arrays
  const convert = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map(convert);
    if (isSpan(v)) return toRange(doc, v);
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = convert((v as Record<string, unknown>)[k]);
    return out;
  };
  return convert(model) as RangedTopology;
}

export function topologyOf(doc: TextDocument, ctx: ServerContext): TopologyResponse {
  const isInventory = ctx.isInventory(doc);
  const analysis = ctx.analysis(doc);
  const model = buildTopology(analysis);
  return { uri: doc.uri, version: doc.version, isInventory, model: withRanges(doc, model) };
}

/** Why the clusters have no lenses, for the topology lens to say. */
export interface HiddenClusterLenses {
  clusters: number;
  limit: number;
}

function hiddenNote(lang: Lang, { clusters, limit }: HiddenClusterLenses): string {
  return lang === 'zh-cn'
    ? `未显示各集群的 CodeLens：${clusters} 个集群，超过 pigsty.codeLens.clusterLimit（${limit}）`
    : `no lens per cluster: ${clusters} clusters, more than pigsty.codeLens.clusterLimit (${limit})`;
}

/** The lens above `all:`; exported so a shared code lens provider can add it to its own. */
export function topologyLens(doc: TextDocument, analysis: Analysis, lang: Lang, hidden?: HiddenClusterLenses): CodeLens[] {
  const all = spanOf(analysis.inventory.allKey);
  if (!all) return [];
  const title = hidden ? `${LENS_TITLE[lang]} · ${hiddenNote(lang, hidden)}` : LENS_TITLE[lang];
  return [{ range: toRange(doc, all), command: { title, command: SHOW_TOPOLOGY_COMMAND, arguments: [doc.uri] } }];
}

export const topologyRequest: Feature = {
  capabilities: {},
  register(connection: Connection, ctx: ServerContext) {
    // the last topology answered for each document, as JSON: most edits (a password, a parameter, a
    // comment) leave the topology as it was, and then the view need not be sent megabytes to draw it again
    const answered = new Map<string, { version: number; json: string }>();
    connection.onRequest<TopologyResponse | UnchangedTopology | null, unknown>(TOPOLOGY_REQUEST, (params: TopologyParams) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const response = topologyOf(doc, ctx);
      const json = JSON.stringify([response.isInventory, response.model]);
      const last = answered.get(doc.uri);
      answered.set(doc.uri, { version: doc.version, json });
      if (params.shown !== undefined && last?.version === params.shown && last.json === json) {
        return { uri: doc.uri, version: doc.version, unchanged: true };
      }
      return response;
    });
    ctx.documents.onDidClose((e) => answered.delete(e.document.uri));
  },
};
