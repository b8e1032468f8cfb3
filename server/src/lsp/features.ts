// The LSP features besides diagnostics, one file each. A feature declares its capabilities and
// binds its handlers; adding one is one import and one entry here.
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import type { ServerContext } from './server';
import { topologyCodeLens, topologyRequest } from './topology';

export interface Feature {
  capabilities: ServerCapabilities;
  register(connection: Connection, ctx: ServerContext): void;
}

export const features: Feature[] = [topologyRequest, topologyCodeLens, hoverFeature, completionFeature];
