// The status bar says when the outline of the inventory in the active editor lists only part of its
// entries (`pigsty.outline.maxItems`, server/src/lsp/outlineLimit.ts); a click opens that setting.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

/** server/src/lsp/outlineLimit.ts */
const OUTLINE_LIMIT_NOTIFICATION = 'pigsty/outlineLimit';

interface OutlineLimitParams {
  uri: string;
  listed: number;
  total: number;
  limit: number;
}

export class OutlineLimitStatus implements vscode.Disposable {
  private readonly cut = new Map<string, OutlineLimitParams>();
  private readonly item = vscode.window.createStatusBarItem('pigsty.outlineLimit', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('Pigsty outline limit');
    this.item.command = { title: vscode.l10n.t('Change the limit'), command: 'workbench.action.openSettings', arguments: ['pigsty.outline.maxItems'] };
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.cut.delete(doc.uri.toString())) this.update();
      }),
    ];
  }

  /** Listens to a client; what an earlier server said is forgotten when a new one starts. */
  follow(client: LanguageClient): vscode.Disposable {
    this.forget();
    return vscode.Disposable.from(
      client.onDidChangeState((e) => {
        if (e.newState === State.Starting) this.forget();
      }),
      client.onNotification(OUTLINE_LIMIT_NOTIFICATION, (p: OutlineLimitParams) => {
        if (p.listed < p.total) this.cut.set(p.uri, p);
        else this.cut.delete(p.uri);
        this.update();
      }),
    );
  }

  private forget(): void {
    this.cut.clear();
    this.update();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const c = uri === undefined ? undefined : this.cut.get(uri);
    if (!c) {
      this.item.hide();
      return;
    }
    const n = (x: number) => x.toLocaleString(vscode.env.language);
    this.item.text = `$(list-tree) ${vscode.l10n.t('Outline: {0} of {1}', n(c.listed), n(c.total))}`;
    this.item.tooltip = vscode.l10n.t(
      'The outline lists {0} of the {1} groups and hosts of this inventory: pigsty.outline.maxItems is {2}. Click to change it.',
      n(c.listed), n(c.total), n(c.limit),
    );
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
