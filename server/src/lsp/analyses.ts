// One analysis per document version, shared by every LSP feature. Never recomputed for the
// same version; an analysis of an older version is never handed out for a newer one.
// A new version is analysed from the previous one (engine/incremental.ts): when the edits since
// then stay inside one group or all.vars, only that block is re-parsed. The previous analysis is
// consumed by that step, so features must ask for the analysis again after awaiting anything.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, AnalyzeOptions } from '../engine/analyze';
import { KnownSame, prepareEdits, reanalyze } from '../engine/incremental';

interface Entry {
  version: number;
  assumeInventory: boolean;
  analysis: Analysis;
}

/** The edits the client made since version `from`: the text they left alone at both ends. */
interface Edited {
  from: number;
  to: number;
  same: KnownSame;
}

export interface AnalysisStats {
  /** Versions analysed from the previous one by re-parsing one block. */
  block: number;
  /** Versions analysed from the previous one by re-parsing a run of groups, some added, removed or renamed. */
  groups: number;
  /** Versions analysed in full (first open, or an edit the block path cannot take). */
  full: number;
  lastReason?: string;
  /** How many rules ran for the last version analysed (the others' findings carried over). */
  lastRulesRun?: number;
  /** How many of those ran over the re-parsed block alone. */
  lastRulesRunLocally?: number;
  /** Analyses worked on ahead of the next edit while the editor was idle (prepareEdits). */
  prepared: number;
}

export class Analyses {
  private readonly cache = new Map<string, Entry>();
  private readonly edited = new Map<string, Edited>();
  readonly stats: AnalysisStats = { block: 0, groups: 0, full: 0, prepared: 0 };

  constructor(
    private readonly options: () => AnalyzeOptions & { assumeInventory?: boolean },
    // stderr: stdout carries the protocol
    private readonly log: (message: string) => void = (m) => process.stderr.write(m + '\n'),
  ) {}

  /**
   * The document sync took `uri` from version `from` to `to`, leaving `same` alone. Edits since
   * the last analysed version add up, so that its analysis knows where the text changed.
   */
  noteEdit(uri: string, from: number, to: number, same: KnownSame): void {
    const known = this.edited.get(uri);
    const joined = known && known.to === from
      ? { from: known.from, to, same: { prefix: Math.min(known.same.prefix, same.prefix), suffix: Math.min(known.same.suffix, same.suffix) } }
      : { from, to, same };
    this.edited.set(uri, joined);
  }

  get(doc: TextDocument, assumeInventory: boolean): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.assumeInventory === assumeInventory) return hit.analysis;
    const options = { ...this.options(), assumeInventory };
    const text = doc.getText();
    const edited = this.edited.get(doc.uri);
    this.edited.delete(doc.uri); // edits from now on start from this version
    let analysis: Analysis | undefined;
    if (hit && hit.version < doc.version && hit.assumeInventory === assumeInventory) {
      this.cache.delete(doc.uri); // consumed below, whatever happens
      // only edits that lead from the analysed version to this one say where the two texts differ
      const same = edited && edited.from === hit.version && edited.to === doc.version ? edited.same : undefined;
      try {
        const result = reanalyze(hit.analysis, text, options, same);
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

  /** Works out ahead what the next edit of `uri` needs first (prepareEdits), for the current analysis. */
  prepareEdits(uri: string): void {
    const hit = this.cache.get(uri);
    if (!hit) return;
    try {
      prepareEdits(hit.analysis);
      this.stats.prepared++;
    } catch (err) {
      // the keystroke path works the same out again when it needs it
      this.log(`pigsty: preparing ${uri} for edits failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.edited.delete(uri);
  }

  /** Drops every analysis (settings changed: the options are no longer the same). */
  clear(): void {
    this.cache.clear();
    this.edited.clear();
  }
}
