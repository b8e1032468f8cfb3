// One analysis per document version, shared by every LSP feature. Never recomputed for the
// same version; an analysis of an older version is never handed out for a newer one.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, AnalyzeOptions } from '../engine/analyze';

interface Entry {
  version: number;
  analysis: Analysis;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly options: () => AnalyzeOptions & { assumeInventory?: boolean }) {}

  get(doc: TextDocument, assumeInventory: boolean): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyze(doc.getText(), { ...this.options(), assumeInventory });
    this.cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
