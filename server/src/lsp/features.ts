// The LSP features besides diagnostics, one file each. A feature declares its capabilities and
// binds its handlers; adding one is one import and one entry here.
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { commandsFeature } from './commands';
import { completionFeature } from './completion';
import { documentSymbolsFeature } from './documentSymbols';
import { hoverFeature } from './hover';
import { lintTextFeature } from './lintText';
import type { ServerContext } from './server';
import { topologyRequest } from './topology';

export interface Feature {
  capabilities: ServerCapabilities;
  register(connection: Connection, ctx: ServerContext): void;
}

// codeLensFeature also serves the topology lens (one code lens handler per connection)
export const features: Feature[] = [
  topologyRequest, hoverFeature, completionFeature,
  codeActionsFeature, commandsFeature, documentSymbolsFeature, codeLensFeature, lintTextFeature,
];
