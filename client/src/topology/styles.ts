// The topology view's stylesheet, in the theme's own colours (VS Code's CSS variables), so the
// view reads right in light, dark and high-contrast themes. Served in a nonce'd <style> element.
export const TOPOLOGY_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground);
  background: var(--vscode-editor-background); padding: 8px 12px; }
.toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; position: sticky; top: 0;
  background: var(--vscode-editor-background); padding: 4px 0; z-index: 1; }
.toolbar input { flex: 1; max-width: 320px; color: var(--vscode-input-foreground); background: var(--vscode-input-background);
  border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; }
.toolbar .status { color: var(--vscode-descriptionForeground); }
.summary { color: var(--vscode-descriptionForeground); margin-bottom: 6px; }
.error-text { color: var(--vscode-errorForeground); }
.left-out { color: var(--vscode-editorWarning-foreground); border-left: 3px solid var(--vscode-editorWarning-foreground);
  padding: 2px 8px; margin: 4px 0; cursor: pointer; }
.too-many { margin: 8px 0; }
.picker { display: flex; flex-wrap: wrap; gap: 4px; }
.pick { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 0;
  padding: 2px 8px; cursor: pointer; }
.pick.error { color: var(--vscode-errorForeground); }
section.kind h2 { font-size: 0.9em; letter-spacing: 0.08em; color: var(--vscode-descriptionForeground); margin: 14px 0 6px; }
.clusters { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; }
.cluster { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, #8884)); border-radius: 6px;
  padding: 6px; min-width: 140px; background: var(--vscode-editorWidget-background); }
.cluster.error { border-color: var(--vscode-errorForeground); border-width: 2px; }
.cluster.warning { border-color: var(--vscode-editorWarning-foreground); }
.cluster-title { display: flex; flex-direction: column; cursor: pointer; margin-bottom: 4px; }
.cluster-title .name { font-weight: 600; }
.cluster-title .note { font-size: 0.85em; color: var(--vscode-descriptionForeground); }
.cluster.error > .cluster-title .name { color: var(--vscode-errorForeground); }
.members { display: flex; flex-direction: column; gap: 4px; }
.member { border: 1px solid var(--vscode-panel-border, #8884); border-radius: 4px; padding: 2px 6px; cursor: pointer;
  display: flex; flex-direction: column; background: var(--vscode-editor-background); }
.member.primary { border-width: 3px; border-style: double; }
.member .detail { font-size: 0.85em; color: var(--vscode-descriptionForeground); }
.member.error { color: var(--vscode-errorForeground); border-color: var(--vscode-errorForeground); }
.member.error .detail { color: var(--vscode-errorForeground); }
.member.warning { border-color: var(--vscode-editorWarning-foreground); }
[role=button]:hover { outline: 1px solid var(--vscode-focusBorder); }
[role=button]:focus { outline: 2px solid var(--vscode-focusBorder); }
.citus { border: 1px dashed var(--vscode-descriptionForeground); border-radius: 8px; padding: 6px; }
.citus-title { font-size: 0.85em; color: var(--vscode-descriptionForeground); margin-bottom: 4px; }
.citus-body { display: flex; gap: 6px; align-items: flex-start; }
.workers { display: flex; flex-direction: column; gap: 6px; }
.worker { display: flex; align-items: center; gap: 6px; }
.arrow { font-size: 1.4em; color: var(--vscode-textLink-foreground); }
.empty { color: var(--vscode-descriptionForeground); font-style: italic; }
`;
