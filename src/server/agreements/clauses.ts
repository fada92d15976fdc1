/**
 * Splits the text of a co-operation agreement, as printed (hard-wrapped lines, blank-line
 * spacing, page numbers), into its numbered clauses so that each can be cited on its own
 * ("clause 4", "item 2.3").
 *
 * The agreements number their clauses 一、二、… at the start of a line and their items
 * （一）（二）… (full- or half-width brackets). Items take the number printed on them: the IP
 * agreement numbers its 21 items straight through its six sections, so section 二 holds items
 * 2.2–2.4, while the e-commerce agreement starts again at （一） in each section.
 *
 * Pure: no I/O. Works on Traditional and Simplified text alike.
 */

export type Clause = {
  /** "4" for a clause, "2.3" for item （三） of clause 二. */
  key: string;
  /** The number as printed: "四、" or "（三）". */
  label: string;
  level: 1 | 2;
  parentKey: string | null;
  /** A title line of its own, such as 一、合作原則 or （二）完善…機制; null when the clause starts with its text. */
  heading: string | null;
  /** The clause's own text (not its items'), one paragraph per line. */
  text: string;
};

export type ParsedAgreement = {
  /** Title and recitals before the first clause. */
  preamble: string;
  clauses: Clause[];
  /** What follows the last clause: an unnumbered copies sentence and the signature block. */
  closing: string;
};

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral as used to number clauses and in dates: 一 → 1, 十一 → 11,
 * 二十一 → 21, 一百零五 → 105, and the digit-by-digit form 二〇一五 → 2015. Arabic digits are
 * accepted as well. NaN when the string is not a numeral.
 */
export function parseChineseNumeral(s: string): number {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const chars = Array.from(t);
  if (chars.length === 0 || !chars.every((c) => c in DIGITS || c in UNITS)) return Number.NaN;
  if (!chars.some((c) => c in UNITS)) return Number(chars.map((c) => DIGITS[c]).join(''));

  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const c of chars) {
    if (c in DIGITS) {
      // Two significant digits in a row (二三十) is not a numeral; 零 may stand between.
      if (digit !== null && digit !== 0 && DIGITS[c] !== 0) return Number.NaN;
      digit = DIGITS[c];
      continue;
    }
    const unit = UNITS[c];
    if (unit >= lastUnit) return Number.NaN;
    total += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}

const NUMERAL = '[〇零一二兩两三四五六七八九十百千]+';
const CLAUSE_MARK = new RegExp(`^(${NUMERAL})、\\s*(.*)$`);
const ITEM_MARK = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*(.*)$`);

/** A sentence or an introduction ends the paragraph: 。；： and their kin, before any closing quote or bracket. */
const PARAGRAPH_END = /[。；：:！？!?][」』”’）)》]*$/;
/** Punctuation that a title line never contains. */
const SENTENCE_PUNCTUATION = /[。；：:！？!?]/;
/** 本協議…一式四份 / 本安排一式三份: the unnumbered sentence on copies that opens the closing. */
const COPIES_SENTENCE = /^本.{0,12}?一式.{1,3}份/;

/** Lines that belong to the page, not to the text. */
function isPageArtefact(line: string): boolean {
  return (
    /^\d{1,3}$/.test(line) || // page number
    /^[-–—]\s*\d{1,3}\s*[-–—]$/.test(line) ||
    /^第\s*\d{1,3}\s*[頁页]$/.test(line) ||
    /^(附錄|附录|annex)$/i.test(line) || // the annex marker of the paper the agreements were printed in
    /^[_＿\s]+$/.test(line) // blank signature lines
  );
}

/** columns: laid out side by side (a two-party signature block), so never joined with its neighbours. */
type Line = { text: string; indented: boolean; columns: boolean; width: number };

type Marker = { level: 1 | 2; label: string; value: number; rest: string };

type Block = { lines: string[]; marker: Marker | null; last: Line | null };

function displayWidth(s: string): number {
  let width = 0;
  for (const c of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) || c.codePointAt(0)! > 0xffff ? 2 : 1;
  return width;
}

function readLines(fullText: string): Line[] {
  const lines: Line[] = [];
  for (const raw of fullText.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = raw.trim();
    if (trimmed === '' || isPageArtefact(trimmed)) continue;
    const text = trimmed.replace(/[ \t\u3000\u00a0]{2,}/g, ' ');
    lines.push({
      text,
      indented: /^[ \t\u3000\u00a0]/.test(raw),
      columns: /\S[ \t\u3000\u00a0]{2,}\S/.test(trimmed),
      width: displayWidth(text),
    });
  }
  return lines;
}

/**
 * The width the text was wrapped at: most lines of a paragraph run to it, so a line well short
 * of it ended its paragraph (or its title) even without a full stop.
 */
function wrapWidth(lines: Line[]): number {
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.floor(widths.length * 0.8)];
}

/** Opening brackets and quotes not yet closed: a title or sentence does not end inside 《…》 or “…”. */
function hasOpenBracket(text: string): boolean {
  const pairs: [string, string][] = [['《', '》'], ['“', '”'], ['「', '」'], ['（', '）'], ['(', ')']];
  return pairs.some(([open, close]) => text.split(open).length > text.split(close).length);
}

function joinWrapped(before: string, after: string): string {
  // Chinese lines join directly; Latin words and numbers split across a line keep a space.
  const latinEnd = /[A-Za-z0-9,.;:!?)]$/.test(before);
  const latinStart = /^[A-Za-z0-9(]/.test(after);
  return latinEnd && latinStart ? `${before} ${after}` : `${before}${after}`;
}

function blockText(block: Block): string {
  return block.lines.reduce((text, line) => (text === '' ? line : joinWrapped(text, line)), '');
}

/**
 * Accepts a numbered line only when it continues the numbering (一 after nothing, 四 after 三;
 * an item restarts at （一） or follows the previous item), so that a wrapped line which
 * happens to begin with 二、 is not taken for a clause.
 */
function readMarker(line: Line, state: { clause: number; item: number; seenClause: boolean }): Marker | null {
  const clause = CLAUSE_MARK.exec(line.text);
  if (clause) {
    const value = parseChineseNumeral(clause[1]);
    if (value === state.clause + 1) return { level: 1, label: `${clause[1]}、`, value, rest: clause[2] };
  }
  const item = ITEM_MARK.exec(line.text);
  if (item) {
    const value = parseChineseNumeral(item[1]);
    const label = `（${item[1]}）`;
    // Without any 一、 clause, the bracketed numbers are the top level.
    if (!state.seenClause && value === state.clause + 1) return { level: 1, label, value, rest: item[2] };
    if (state.seenClause && (value === 1 || value === state.item + 1)) return { level: 2, label, value, rest: item[2] };
  }
  return null;
}

function toBlocks(lines: Line[]): Block[] {
  const width = wrapWidth(lines);
  const state = { clause: 0, item: 0, seenClause: false };
  const blocks: Block[] = [];
  let current: Block | null = null;

  for (const line of lines) {
    const marker = readMarker(line, state);
    if (marker) {
      if (marker.level === 1) {
        state.clause = marker.value;
        state.seenClause ||= marker.label.endsWith('、');
      } else {
        state.item = marker.value;
      }
    }
    const startsParagraph =
      current === null ||
      marker !== null ||
      line.indented ||
      line.columns ||
      current.last === null ||
      current.last.columns ||
      PARAGRAPH_END.test(current.last.text) ||
      (current.last.width < width * 0.75 && !hasOpenBracket(blockText(current)));

    if (startsParagraph) {
      current = { lines: [], marker, last: null };
      blocks.push(current);
    }
    const text = marker ? marker.rest : line.text;
    if (text !== '') current!.lines.push(text);
    current!.last = line;
  }
  return blocks;
}

function isTitleLike(text: string): boolean {
  return text !== '' && !SENTENCE_PUNCTUATION.test(text) && Array.from(text).length <= 60;
}

export function parseClauses(fullText: string): ParsedAgreement {
  const blocks = toBlocks(readLines(fullText));
  const firstMarker = blocks.findIndex((b) => b.marker !== null);
  if (firstMarker === -1) {
    return { preamble: blocks.map(blockText).join('\n'), clauses: [], closing: '' };
  }

  // The closing starts after the last clause's own paragraphs: at an unnumbered copies
  // sentence (本協議一式四份…) or at the first paragraph that is not a sentence (the signature block).
  let lastMarker = blocks.length - 1;
  while (blocks[lastMarker].marker === null) lastMarker--;
  let closingStart = blocks.length;
  for (let i = lastMarker + 1; i < blocks.length; i++) {
    const text = blockText(blocks[i]);
    if (COPIES_SENTENCE.test(text) || !PARAGRAPH_END.test(text)) {
      closingStart = i;
      break;
    }
  }

  const clauses: Clause[] = [];
  let parentKey: string | null = null;
  for (let i = firstMarker; i < closingStart; i++) {
    const marker = blocks[i].marker;
    if (!marker) continue;
    let end = i + 1;
    while (end < closingStart && blocks[end].marker === null) end++;

    const first = blockText(blocks[i]);
    const body = blocks.slice(i + 1, end).map(blockText);
    // A short first paragraph without a sentence in it is the clause's title — provided
    // something follows it: its own text, or its items.
    const hasFollowing = body.length > 0 || (end < closingStart && marker.level === 1 && blocks[end].marker?.level === 2);
    const heading = hasFollowing && isTitleLike(first) ? first : null;
    const paragraphs = heading === null ? [first, ...body] : body;

    const isItem = marker.level === 2;
    const key: string = isItem ? `${parentKey}.${marker.value}` : String(marker.value);
    if (!isItem) parentKey = key;
    clauses.push({
      key,
      label: marker.label,
      level: marker.level,
      parentKey: isItem ? parentKey : null,
      heading,
      text: paragraphs.filter((p) => p !== '').join('\n'),
    });
    i = end - 1;
  }

  return {
    preamble: blocks.slice(0, firstMarker).map(blockText).join('\n'),
    clauses,
    closing: blocks.slice(closingStart).map(blockText).join('\n'),
  };
}
