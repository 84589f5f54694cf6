import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes a base64 PDF to disk (also under test-results/ to look at) and returns its text and page count. */
export function pdfText(pdf: { filename: string; base64: string }): { text: string; pages: number; file: string } {
  const file = path.join(fs.mkdtempSync(path.join(process.env.STOCKIST_TEST_TMP ?? os.tmpdir(), 'pdf-')), pdf.filename);
  fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  fs.mkdirSync('test-results', { recursive: true });
  fs.copyFileSync(file, path.join('test-results', pdf.filename));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  return { text, pages, file };
}
