// One analysis per document version, shared by every LSP feature. Never recomputed for the
// same version; an analysis of an older version is never handed out for a newer one.
// A new version is analysed from the previous one (engine/incremental.ts): when the edits since
// then stay inside one group or all.vars, only that block is re-parsed. The previous analysis is
// consumed by that step, so features must ask for the analysis again after awaiting anything.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, AnalyzeOptions } from '../engine/analyze';
import { reanalyze } from '../engine/incremental';

interface Entry {
  version: number;
  assumeInventory: boolean;
  analysis: Analysis;
}

export interface AnalysisStats {
  /** Versions analysed from the previous one by re-parsing one block. */
  block: number;
  /** Versions analysed in full (first open, or an edit the block path cannot take). */
  full: number;
  lastReason?: string;
  /** How many rules ran for the last version analysed (the others' findings carried over). */
  lastRulesRun?: number;
  /** How many of those ran over the re-parsed block alone. */
  lastRulesRunLocally?: number;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();
  readonly stats: AnalysisStats = { block: 0, full: 0 };

  constructor(
    private readonly options: () => AnalyzeOptions & { assumeInventory?: boolean },
    // stderr: stdout carries the protocol
    private readonly log: (message: string) => void = (m) => process.stderr.write(m + '\n'),
  ) {}

  get(doc: TextDocument, assumeInventory: boolean): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.assumeInventory === assumeInventory) return hit.analysis;
    const options = { ...this.options(), assumeInventory };
    const text = doc.getText();
    let analysis: Analysis | undefined;
    if (hit && hit.version < doc.version && hit.assumeInventory === assumeInventory) {
      this.cache.delete(doc.uri); // consumed below, whatever happens
      try {
        const result = reanalyze(hit.analysis, text, options);
        analysis = result.analysis;
        this.stats[result.mode]++;
        this.stats.lastReason = result.reason;
      } catch (err) {
        // a bug in the block path must cost speed, never correctness
        this.log(`pigsty: incremental validation failed, validating in full: ${err instanceof Error ? err.stack : String(err)}`);
      }
    }
    if (!analysis) {
      analysis = analyze(text, options);
      this.stats.full++;
    }
    this.stats.lastRulesRun = analysis.rulesRun.length;
    this.stats.lastRulesRunLocally = analysis.rulesRunLocally.length;
    this.cache.set(doc.uri, { version: doc.version, assumeInventory, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Drops every analysis (settings changed: the options are no longer the same). */
  clear(): void {
    this.cache.clear();
  }
}
