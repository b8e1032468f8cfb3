// "Pigsty: Show topology": a webview beside the editor that draws the inventory's topology
// (asked from the language server with `pigsty/topology`), redraws as the inventory is edited,
// and reveals the line of a clicked cluster or host. One panel; it follows the active inventory.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TOPOLOGY_REQUEST, TopologyParams, TopologyResponse, UnchangedTopology } from '../../../server/src/topology/protocol';
import { TOPOLOGY_CSS } from './styles';

/**
 * How long the view waits after an edit before asking for the topology again: twice what the last
 * answer took, within these bounds. A long inventory's topology costs the server tens to hundreds
 * of milliseconds (about 90 ms at 3,000 clusters, 300 ms at 10,000, over stdio), then the window
 * draws it: asked at each short pause in typing, it held back the squiggle of the next keystroke
 * (bench/RESULTS.md).
 */
const REDRAW_DELAY_MS = { min: 250, max: 2000 };

type FromView = { type: 'ready' } | { type: 'reveal'; uri: string; line: number; character: number };

export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private requestSeq = 0;
  /** How long the last answer took, in ms. */
  private lastCost = 0;
  /** The document version whose topology the view draws (undefined: none, or a view drawn afresh). */
  private shown: number | undefined;

  static show(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, uri: vscode.Uri): void {
    if (TopologyPanel.current) {
      TopologyPanel.current.follow(uri);
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'pigsty.topology',
      title(uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] },
    );
    TopologyPanel.current = new TopologyPanel(context, panel, client, uri);
  }

  private constructor(
    context: vscode.ExtensionContext,
    private readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
    private uri: vscode.Uri,
  ) {
    panel.webview.html = html(panel.webview, vscode.Uri.joinPath(context.extensionUri, 'dist', 'topology.js'));
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromView) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const doc = editor?.document;
        if (doc && doc.languageId === 'yaml' && doc.uri.toString() !== this.uri.toString()) this.follow(doc.uri);
      }),
    );
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    this.shown = undefined;
    this.panel.title = title(uri);
    if (this.panel.visible) void this.refresh();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // a view behind other tabs is drawn again from scratch when shown (it then says 'ready')
    if (!this.panel.visible) return;
    const delay = Math.min(REDRAW_DELAY_MS.max, Math.max(REDRAW_DELAY_MS.min, 2 * this.lastCost));
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    const seq = ++this.requestSeq;
    if (!client) {
      void this.panel.webview.postMessage({ type: 'error', message: vscode.l10n.t('The Pigsty language server is not running.') });
      return;
    }
    try {
      const params: TopologyParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(this.uri) }, shown: this.shown };
      const started = Date.now();
      const response = await client.sendRequest<TopologyResponse | UnchangedTopology | null>(TOPOLOGY_REQUEST, params);
      this.lastCost = Date.now() - started;
      if (seq !== this.requestSeq) return; // a newer edit asked again
      if (!response) {
        this.shown = undefined;
        void this.panel.webview.postMessage({ type: 'error', message: vscode.l10n.t('{0} is not open in the Pigsty language server.', path.basename(this.uri.path)) });
        return;
      }
      this.shown = response.version;
      if ('unchanged' in response) return; // the view draws this topology already
      void this.panel.webview.postMessage({ type: 'topology', response });
    } catch (err) {
      void this.panel.webview.postMessage({ type: 'error', message: vscode.l10n.t('Could not read the topology: {0}', err instanceof Error ? err.message : String(err)) });
    }
  }

  private async onMessage(m: FromView): Promise<void> {
    if (m.type === 'ready') {
      this.shown = undefined; // a view drawn afresh has nothing yet
      await this.refresh();
    } else if (m.type === 'reveal') {
      const uri = vscode.Uri.parse(m.uri);
      const position = new vscode.Position(m.line, m.character);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
      const editor = await vscode.window.showTextDocument(document, {
        viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
        selection: new vscode.Range(position, position),
        preserveFocus: false,
      });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function title(uri: vscode.Uri): string {
  return `Topology: ${path.basename(uri.path)}`;
}

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  // only our bundled script and our stylesheet may run: nothing inline, nothing from the network
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src ${webview.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${TOPOLOGY_CSS}</style>
<title>Pigsty topology</title>
</head>
<body>
<div class="toolbar"><input id="filter" type="search" placeholder="Filter clusters by name or IP" aria-label="Filter clusters"><span id="status" class="status"></span></div>
<div id="root" class="topology"><div class="empty">Reading the inventory…</div></div>
<script nonce="${nonce}" src="${webview.asWebviewUri(script)}"></script>
</body>
</html>`;
}

/** The command: draws the inventory given by the code lens, or the active editor's. */
export function showTopologyCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined) {
  return (arg?: string | vscode.Uri): void => {
    const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Pigsty inventory (pigsty.yml) to show its topology.'));
      return;
    }
    TopologyPanel.show(context, client, uri);
  };
}
