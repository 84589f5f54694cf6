import zlib from 'node:zlib';

/**
 * What nearly every document prints: printable ASCII, the rupee sign, the middle dot and the dash
 * the documents use, and the ligatures DejaVu forms from ASCII letters ("fi" in "office").
 */
const COMMON_TEXT = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), '₹', '·', '—'];
const LIGATURES = ['ff', 'fi', 'fl', 'ffi', 'ffl'];

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Subset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
/** The parsed (fontkit) font and the subset of it pdfkit embeds in one document. */
export interface EmbeddedFontInternals {
  font: { layout(text: string): { glyphs: Glyph[] } };
  subset: Subset;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
  toUnicodeCmap(this: EmbeddedFontInternals): unknown;
}
/** The pdfkit stream object the subset is written into: a dictionary and its not yet compressed bytes. */
interface StreamRef {
  data: Record<string, unknown>;
  buffer: unknown[];
  compress: boolean;
}

/** Per parsed font: the common glyphs in their fixed order, and (once encoded) their subset font file. */
interface Common {
  glyphs: Glyph[];
  /** the subset font file of just these glyphs, and deflated */
  file?: Uint8Array;
  deflated?: Buffer;
  /** their ToUnicode map, deflated */
  cmap?: Buffer;
}
const commons = new WeakMap<object, Common>();

function commonGlyphs(font: EmbeddedFontInternals['font']): Common {
  let common = commons.get(font);
  if (!common) {
    const seen = new Set<number>([0]);
    const glyphs: Glyph[] = [];
    const add = (g: Glyph) => {
      if (seen.has(g.id)) return;
      seen.add(g.id);
      glyphs.push(g);
    };
    for (const ch of COMMON_TEXT) font.layout(ch).glyphs.forEach(add);
    for (const lig of LIGATURES)
      font
        .layout(lig)
        .glyphs.filter((g) => g.codePoints.length > 1)
        .forEach(add);
    common = { glyphs };
    commons.set(font, common);
  }
  return common;
}

/** The last stream object each document created: pdfkit writes a font's file into the one it made just before. */
const lastRef = new WeakMap<object, StreamRef>();

/**
 * Encoding a document's glyph subset into a TrueType file (each glyph decoded, hinting tables copied)
 * and deflating it was ≈ 40% of a short document's CPU, for much the same glyphs every time. So each
 * document's subset starts with the common glyphs in a fixed order: a document that prints nothing
 * else (nearly all) embeds the same font file, encoded and deflated once per process. One that prints
 * other characters (an accented name, Devanagari) adds them after and is encoded on its own, as before.
 * The glyphs' codes in the page differ from pdfkit's own numbering, not the glyphs or their text.
 */
export function startWithCommonGlyphs(doc: { ref: (data: object) => unknown }, embedded: EmbeddedFontInternals): void {
  if (embedded.subset.glyphs.length !== 1) return; // not fresh: glyphs already numbered
  const common = commonGlyphs(embedded.font);
  for (const g of common.glyphs) {
    const id = embedded.subset.includeGlyph(g.id);
    embedded.widths[id] = g.advanceWidth * embedded.scale;
    embedded.unicode[id] = g.codePoints;
  }
  if (!lastRef.has(doc)) {
    const ref = doc.ref.bind(doc);
    lastRef.set(doc, { data: {}, buffer: [0], compress: false });
    doc.ref = (data: object) => {
      const made = ref(data) as StreamRef;
      lastRef.set(doc, made);
      return made;
    };
  }
  const encode = embedded.subset.encode.bind(embedded.subset);
  let shared = false;
  embedded.subset.encode = () => {
    if (embedded.subset.glyphs.length !== common.glyphs.length + 1) return encode();
    common.file ??= encode();
    const file = lastRef.get(doc)!;
    // Only into a fresh stream pdfkit would deflate itself; otherwise pdfkit gets the plain file.
    if (!file.compress || file.buffer.length > 0 || Object.keys(file.data).length > 0) return common.file;
    common.deflated ??= zlib.deflateSync(common.file);
    file.compress = false;
    file.data.Filter = 'FlateDecode';
    shared = true;
    return common.deflated;
  };
  // The text of those glyphs (ToUnicode) is then the same too: written once, deflated once.
  const toUnicode = embedded.toUnicodeCmap;
  embedded.toUnicodeCmap = () => {
    if (!shared) return toUnicode.call(embedded);
    if (!common.cmap) {
      let text = '';
      const capture = { unicode: embedded.unicode, document: { ref: () => ({ end: (t: string) => (text = t) }) } };
      toUnicode.call(capture as unknown as EmbeddedFontInternals);
      common.cmap = zlib.deflateSync(text);
    }
    const cmap = doc.ref({ Filter: 'FlateDecode' }) as { end(chunk: Buffer): void };
    cmap.end(common.cmap);
    return cmap;
  };
}
