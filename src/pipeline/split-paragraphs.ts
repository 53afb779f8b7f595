/**
 * Stage 2: split decoded text into lines and merged lines into paragraphs.
 * Pure string functions; what each piece *is* is decided in classify-blocks.
 */

/** A non-blank line of the source with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
  /** Leading spaces (tabs count as 4), used for reader-comment nesting. */
  indent: number;
}

/** CRLF and lone CR become LF; the caller has already removed a BOM. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Every non-blank line is a block: the seeds are web copy with one paragraph
 * per line, whether or not blank lines separate them. Whitespace-only lines
 * (including NBSP-only lines) are blank.
 */
export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  normaliseNewlines(text)
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const lead = /^[ \t]*/.exec(raw)![0];
      const indent = [...lead].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
      out.push({ text: raw, line: i + 1, indent });
    });
  return out;
}

/**
 * Where the copy merged original paragraphs into one line, the join is a
 * sentence end followed by a non-breaking space and more spacing (seen in the
 * Foreign Affairs republication: ".\u00a0 In a draft treaty"). Ordinary
 * sentence spacing is a plain space and is never split.
 */
const MERGE_JOIN = /(?<=[.!?…]["”’)\]]?)\u00a0[\u00a0 \t]*(?=\S)/u;

/** Splits one line at merge joins; returns the trimmed pieces in order. */
export function splitMerged(line: string): string[] {
  return line
    .split(MERGE_JOIN)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
