// What the client does when the language server fails: a bad message is logged and skipped; a
// dead process is restarted (at most MAX_RESTARTS times in WINDOW_MS, then the user is told).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, Message } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

export function serverErrorHandler(output: vscode.OutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error(error: Error, message: Message | undefined) {
      output.appendLine(`[pigsty] connection error: ${error.message}${message ? ` (${JSON.stringify(message).slice(0, 200)})` : ''}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed() {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0] > WINDOW_MS) restarts.shift();
      if (restarts.length <= MAX_RESTARTS) {
        output.appendLine(`[pigsty] the language server stopped; restarting (${restarts.length}/${MAX_RESTARTS})`);
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t(
          'Pigsty: the language server stopped {0} times in 3 minutes and will not be restarted. See the Pigsty output channel, then run "Pigsty: Restart language server".',
          restarts.length,
        ),
      };
    },
  };
}

/** Start failed (bad install, crash during initialize): tell the user once, do not loop. */
export function initializationFailed(output: vscode.OutputChannel): (error: unknown) => boolean {
  return (error) => {
    output.appendLine(`[pigsty] the language server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Pigsty: the language server failed to start. See the Pigsty output channel.'));
    return false;
  };
}
