import { startWithCommonGlyphs, type EmbeddedFontInternals } from './common-glyphs';

type Pdf = PDFKit.PDFDocument;

/** A shaped word as pdfkit keeps it: glyphs and their positions, already scaled to 1000 units per em. */
interface Run {
  glyphs: unknown[];
  positions: { xAdvance: number }[];
  advanceWidth: number;
}

/** pdfkit's embedded font (one per document and font) as far as Stockist reaches into it. */
interface EmbeddedFont {
  font: unknown;
  subset?: unknown;
  layoutCache?: Record<string, Run>;
  layoutCached(text: string): Run;
  layoutRun(text: string, features?: unknown): Run;
  digitsApart?: boolean;
}

/** A word's shaped glyphs, per parsed font, for every document of the process; dropped when it grows large. */
const layouts = new Map<unknown, { words: Record<string, Run>; documents: number }>();

/**
 * Shaping a word through DejaVu's OpenType tables is most of a short document's time, and pdfkit
 * caches it per document only. The same words ("Taxable", a product's name, ₹ amounts) recur in
 * every invoice, so each document's fonts use one cache per parsed font instead (a shaped word is
 * the font's, not the document's: each document still keeps its own subset of the glyphs).
 * `ours` says which parsed fonts are Stockist's DejaVu, whose digits shape apart (below).
 */
export function shareShaping(doc: Pdf, ours: (font: unknown) => boolean): void {
  const setFont = doc.font.bind(doc);
  doc.font = ((...args: Parameters<Pdf['font']>) => {
    setFont(...args);
    const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
    if (!embedded?.layoutCache || !ours(embedded.font)) return doc;
    if (embedded.subset) startWithCommonGlyphs(doc, embedded as unknown as EmbeddedFontInternals);
    let shared = layouts.get(embedded.font);
    if (!shared || shared.documents > 1000) {
      shared = { words: Object.create(null) as Record<string, Run>, documents: 0 };
      layouts.set(embedded.font, shared);
    }
    if (embedded.layoutCache !== shared.words) {
      embedded.layoutCache = shared.words;
      shared.documents++;
    }
    if (!embedded.digitsApart) shapeDigitsApart(embedded);
    return doc;
  }) as Pdf['font'];
}

/** Characters whose glyphs DejaVu neither kerns nor joins with a digit beside them (tested pair by pair). */
const PLAIN = /^[\x20-\x7e₹·—\n]*$/;

/**
 * Amounts, SKUs, batches, dates and document numbers are new words on nearly every invoice, so the
 * shared cache misses them, and each was shaped through the whole OpenType pipeline. In DejaVu no
 * lookup joins, kerns or substitutes across a digit, so such a word shapes as its pieces side by
 * side: the letters between digits and each digit, all of them cached. The glyphs and positions
 * are those the whole word gets (tests/unit/documents/shared-shaping.test.ts compares them).
 */
function shapeDigitsApart(embedded: EmbeddedFont): void {
  const whole = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text: string, features?: unknown): Run => {
    if (features || text.length < 2 || !/\d/.test(text) || !PLAIN.test(text)) return whole(text, features);
    const glyphs: unknown[] = [];
    const positions: Run['positions'] = [];
    for (const piece of text.split(/(\d)/)) {
      if (!piece) continue;
      const run = embedded.layoutCached(piece);
      glyphs.push(...run.glyphs);
      positions.push(...run.positions);
    }
    // Summed as fontkit sums a run's advance, in the same order, so the width is the same number.
    let advanceWidth = 0;
    for (const p of positions) advanceWidth += p.xAdvance;
    return { glyphs, positions, advanceWidth };
  };
  embedded.digitsApart = true;
}
