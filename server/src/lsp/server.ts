// Wires the LSP features to one connection. Each feature lives in its own file.
import { CodeLensRefreshRequest, Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze';
import type { Lang } from '../engine/findings';
import { Analyses } from './analyses';
import { registerDiagnostics } from './diagnostics';
import { features } from './features';
import { isInventoryPath, looksLikeInventory } from './inventoryFiles';
import { applyChanges } from './editBounds';
import { DEFAULT_SETTINGS, PigstySettings, readSettings } from './settings';

export interface ServerContext {
  documents: TextDocuments<TextDocument>;
  analyses: Analyses;
  settings(): PigstySettings;
  lang(): Lang;
  /** Whether this document is a Pigsty inventory we should serve. */
  isInventory(doc: TextDocument): boolean;
  analysis(doc: TextDocument): Analysis;
}

export function startServer(connection: Connection): void {
  let settings: PigstySettings = DEFAULT_SETTINGS;
  let lang: Lang = 'en';
  let pullConfiguration = false;
  let refreshCodeLenses = false;

  const analyses = new Analyses(() => ({ lang, severities: settings.rules }));
  // the document sync, noting where each change edited the text for the next analysis
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      const from = doc.version;
      analyses.noteEdit(doc.uri, from, version, applyChanges(doc, changes, version));
      return doc;
    },
  });
  const ctx: ServerContext = {
    documents,
    analyses,
    settings: () => settings,
    lang: () => lang,
    isInventory: (doc) =>
      settings.enable && (isInventoryPath(doc.uri, settings.inventoryGlobs) || looksLikeInventory(doc.getText())),
    analysis: (doc) => analyses.get(doc, isInventoryPath(doc.uri, settings.inventoryGlobs)),
  };

  connection.onInitialize((params) => {
    lang = /^zh/i.test(params.locale ?? '') ? 'zh-cn' : 'en';
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    refreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        ...features.map((f) => f.capabilities),
      ),
      serverInfo: { name: 'pigsty-language-server', version: '0.1.0' },
    };
  });

  const diagnostics = registerDiagnostics(connection, ctx);
  for (const feature of features) feature.register(connection, ctx);

  /** What the validation depends on: documents are validated again only when it changed. */
  const validationSettings = (s: PigstySettings) => JSON.stringify([s.enable, s.inventoryGlobs, s.rules]);

  /** Re-reads the settings. */
  async function loadSettings(pushed?: unknown): Promise<void> {
    const before = validationSettings(settings);
    const limitBefore = settings.codeLensClusterLimit;
    if (pushed) settings = readSettings(pushed);
    if (pullConfiguration) {
      try {
        const raw = await connection.workspace.getConfiguration('pigsty');
        if (raw) settings = readSettings(raw);
      } catch {
        // a client that cannot answer keeps what it pushed, or the defaults
      }
    }
    if (validationSettings(settings) !== before) diagnostics.refreshAll();
    // the editor asks for lenses again only when told to
    if (refreshCodeLenses && settings.codeLensClusterLimit !== limitBefore) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  connection.onInitialized(() => void loadSettings());
  connection.onDidChangeConfiguration((change) => void loadSettings((change.settings as { pigsty?: unknown } | null)?.pigsty));

  documents.listen(connection);
  connection.listen();
}
