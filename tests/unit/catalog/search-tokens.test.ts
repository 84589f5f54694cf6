import { describe, expect, it } from 'vitest';
import { anchorQuery, documentNumberTail, searchWords } from '../../../src-main/engine/search-tokens';

describe('search words', () => {
  it('keeps every word, however short, lower-cased and once', () => {
    expect(searchWords('  Basmati 5  basmati ').map((w) => w.text)).toEqual(['basmati', '5']);
    expect(searchWords('')).toEqual([]);
  });

  it('gives each word its runs of three or more letters or digits as index anchors', () => {
    expect(searchWords('basmati 5 1l 500ml AMR-0001 50', { sizes: true })).toEqual([
      { text: 'basmati', anchors: ['basmati'], spelled: [] },
      { text: '5', anchors: [], spelled: [' 5 '] },
      { text: '1l', anchors: [], spelled: [' 1l', '1 l'] },
      { text: '500ml', anchors: ['500'], spelled: [] },
      { text: 'amr-0001', anchors: ['amr', '0001'], spelled: [] },
      { text: '50', anchors: [], spelled: [' 50'] },
    ]);
  });

  it('asks the index for anchors and spelled numbers, quoted so FTS syntax in a search is just text', () => {
    expect(anchorQuery(searchWords('face wash 50', { sizes: true }))).toBe('"face" AND "wash" AND " 50"');
    expect(anchorQuery(searchWords('1l 5', { sizes: true }))).toBe('(" 1l" OR "1 l") AND " 5 "');
    expect(anchorQuery(searchWords('"oil" AND'))).toBe('"oil" AND "and"');
    expect(anchorQuery(searchWords('x y', { sizes: true }))).toBeNull();
    // A customer's short number is part of a phone or code: no spelled anchors there.
    expect(anchorQuery(searchWords('98 5'))).toBeNull();
  });

  it('reads a number typed alone as the tail of a document number', () => {
    expect(documentNumberTail('133')).toBe('000133');
    expect(documentNumberTail(' 7 ')).toBe('000007');
    expect(documentNumberTail('1234567')).toBeNull();
    expect(documentNumberTail('SO/26-27/000133')).toBeNull();
    expect(documentNumberTail('rice 5')).toBeNull();
  });
});
