// Entry of the bundled language server: `node server/bin/pigsty-language-server --stdio`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { delayOptimization } from '../engine/tiering';
import { startServer } from './server';

delayOptimization();

startServer(createConnection(ProposedFeatures.all));
