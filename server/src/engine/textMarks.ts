// Whether a text contains a few marker strings, without searching the whole text again after each
// edit. Two whole-text scans start from such a marker: in-file suppressions (`pigsty-lint-`) and
// the names used in Jinja (`{{`, `{%`). Most inventories hold neither, and on a 10,000-cluster file
// the two searches cost about 5 ms a keystroke. A marker the previous version lacked can only
// appear where the edit wrote, so after an edit only the written text and its edges are searched.
export type TextMark = 'pigsty-lint-' | '{{' | '{%';

/** Where an edit wrote: `length` characters from offset `start` (what it replaced does not matter). */
export interface MarkEdit {
  start: number;
  length: number;
}

export class TextMarks {
  private readonly known = new Map<TextMark, boolean>();

  constructor(private readonly text: string) {}

  has(mark: TextMark): boolean {
    let found = this.known.get(mark);
    if (found === undefined) this.known.set(mark, (found = this.text.includes(mark)));
    return found;
  }

  /**
   * The marks of `text`, which is this text with `edit` applied. A marker known to be absent before
   * is looked for only in the written characters and the mark's length minus one on either side;
   * the others are left to be searched when asked.
   */
  after(text: string, edit: MarkEdit): TextMarks {
    const next = new TextMarks(text);
    for (const [mark, found] of this.known) {
      if (found) continue;
      const from = Math.max(0, edit.start - mark.length + 1);
      next.known.set(mark, text.slice(from, edit.start + edit.length + mark.length - 1).includes(mark));
    }
    return next;
  }
}
