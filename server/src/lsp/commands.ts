// Server-side commands the client's UI calls through workspace/executeCommand: the client asks the
// user, the server computes (and applies edits with workspace/applyEdit).
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { generateCitus, insertGroup, takenAddresses, CitusOptions } from '../fixes/citusGenerator';
import { clusterOf, promoteSurvivor } from '../fixes/promoteSurvivor';
import { buildRunbook } from '../fixes/runbook';
import { hostAt, workspaceEdit } from './codeActions';
import type { Feature } from './features';
import type { ServerContext } from './server';

export const SERVER_COMMANDS = {
  clusterAt: 'pigsty.server.clusterAt',
  promoteSurvivor: 'pigsty.server.promoteSurvivor',
  runbook: 'pigsty.server.runbook',
  newCitusCluster: 'pigsty.server.newCitusCluster',
} as const;

type Args = { uri?: string; offset?: number; position?: { line: number; character: number } } & Record<string, unknown>;
type Reply = Record<string, unknown>;

function documentOf(ctx: ServerContext, args: Args): TextDocument | string {
  const doc = args.uri ? ctx.documents.get(args.uri) : undefined;
  if (!doc) return `The document ${args.uri ?? '(none)'} is not open.`;
  if (!ctx.isInventory(doc)) return 'This document is not a Pigsty inventory.';
  return doc;
}

function offsetOf(doc: TextDocument, args: Args): number | undefined {
  if (typeof args.offset === 'number') return args.offset;
  return args.position ? doc.offsetAt(args.position) : undefined;
}

async function run(connection: Connection, ctx: ServerContext, command: string, args: Args): Promise<Reply> {
  const doc = documentOf(ctx, args);
  if (typeof doc === 'string') return { error: doc };
  const analysis = ctx.analysis(doc);
  switch (command) {
    case SERVER_COMMANDS.clusterAt: {
      const offset = offsetOf(doc, args);
      const host = offset === undefined ? undefined : hostAt(analysis, offset);
      const clusters = [...analysis.pgClusters().values()].map((c) => ({ name: c.name, members: c.members.map((m) => m.ip) }));
      const here = host ? clusterOf(analysis, host) : undefined;
      const byAnchor = offset === undefined ? undefined : [...analysis.pgClusters().values()].find((c) => c.anchor.start <= offset && offset <= c.anchor.end);
      return { host, cluster: here?.name ?? byAnchor?.name, clusters };
    }
    case SERVER_COMMANDS.promoteSurvivor: {
      const failed = Array.isArray(args.failed) ? args.failed.map(String) : undefined;
      const result = promoteSurvivor(analysis, String(args.survivor ?? ''), failed, ctx.lang());
      if (!result.ok) return { error: result.error };
      if (args.apply === false) return { changes: result.plan.changes, notes: result.plan.notes, edit: workspaceEdit(doc, result.plan.edits) };
      const applied = await connection.workspace.applyEdit({ label: `Promote ${result.plan.survivor}`, edit: workspaceEdit(doc, result.plan.edits) });
      return { applied: applied.applied, changes: result.plan.changes, notes: result.plan.notes };
    }
    case SERVER_COMMANDS.runbook: {
      const result = buildRunbook(analysis, {
        cluster: String(args.cluster ?? ''),
        survivor: typeof args.survivor === 'string' ? args.survivor : undefined,
        failed: Array.isArray(args.failed) ? args.failed.map(String) : undefined,
        lang: ctx.lang(),
      });
      return result.ok ? { markdown: result.markdown, survivor: result.survivor } : { error: result.error };
    }
    case SERVER_COMMANDS.newCitusCluster: {
      const options = args.options as CitusOptions | undefined;
      if (!options) return { error: 'No options given.' };
      const gen = generateCitus(options, takenAddresses(analysis));
      if (!gen.ok) return { error: gen.error };
      const ins = insertGroup(analysis, gen.yaml, options.shard);
      if (!ins.ok) return { error: ins.error };
      const edit = workspaceEdit(doc, [ins.edit]);
      if (args.apply === false) return { yaml: gen.yaml, edit };
      const applied = await connection.workspace.applyEdit({ label: `New Citus cluster ${options.shard}`, edit });
      return { applied: applied.applied, yaml: gen.yaml };
    }
    default:
      return { error: `Unknown command ${command}` };
  }
}

export const commandsFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) } },
  register(connection, ctx) {
    connection.onExecuteCommand(async (params) => {
      const args = ((params.arguments ?? [])[0] ?? {}) as Args;
      try {
        return await run(connection, ctx, params.command, args);
      } catch (err) {
        connection.console.error(`pigsty: command ${params.command} failed: ${err instanceof Error ? err.stack : String(err)}`);
        return { error: `The command failed: ${err instanceof Error ? err.message : String(err)}` };
      }
    });
  },
};
