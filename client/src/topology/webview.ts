// Runs inside the topology webview (bundled by esbuild into dist/topology.js; no network, no
// other script). Draws the model the extension posts, filters it, and asks the extension to
// reveal the line of whatever box is clicked (or activated with Enter/Space).
import type { TopologyResponse } from '../../../server/src/topology/protocol';
import { renderTopologyHtml } from './render';

// The few browser APIs used here, declared locally: the project compiles without the DOM library.
interface ViewElement {
  innerHTML: string;
  textContent: string | null;
  value: string;
  getAttribute(name: string): string | null;
  closest(selector: string): ViewElement | null;
  addEventListener(type: string, listener: (event: ViewEvent) => void): void;
  focus(): void;
}
interface ViewEvent {
  target: ViewElement | null;
  key?: string;
  data?: unknown;
  preventDefault(): void;
}
declare const document: { getElementById(id: string): ViewElement | null };
declare const window: { addEventListener(type: 'message', listener: (event: ViewEvent) => void): void };
declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

type Incoming = { type: 'topology'; response: TopologyResponse } | { type: 'error'; message: string };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const filterInput = document.getElementById('filter')!;
const status = document.getElementById('status')!;
let current: TopologyResponse | null = null;
let filter = ((vscode.getState() as { filter?: string } | undefined)?.filter ?? '').toString();
filterInput.value = filter;

function draw(): void {
  if (!current) return;
  root.innerHTML = renderTopologyHtml(current.model, { filter });
  status.textContent = current.isInventory ? '' : 'This file is not checked as a Pigsty inventory.';
}

window.addEventListener('message', (event) => {
  const message = event.data as Incoming;
  if (message.type === 'topology') {
    current = message.response;
    draw();
  } else if (message.type === 'error') {
    status.textContent = message.message;
  }
});

filterInput.addEventListener('input', () => {
  filter = filterInput.value;
  vscode.setState({ filter });
  draw();
});

function activate(target: ViewElement | null): boolean {
  const pick = target?.closest('[data-pick]');
  if (pick) {
    filter = pick.getAttribute('data-pick') ?? '';
    filterInput.value = filter;
    vscode.setState({ filter });
    draw();
    return true;
  }
  const box = target?.closest('[data-line]');
  if (!box || !current) return false;
  vscode.postMessage({
    type: 'reveal',
    uri: current.uri,
    line: Number(box.getAttribute('data-line')),
    character: Number(box.getAttribute('data-character')),
  });
  return true;
}

root.addEventListener('click', (event) => {
  activate(event.target);
});
root.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && activate(event.target)) event.preventDefault();
});

vscode.postMessage({ type: 'ready' });
