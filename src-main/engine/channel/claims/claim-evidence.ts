import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { getClaim } from './claim-view';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** What the file is, by its first bytes (its name can say anything): photos and PDFs only. */
function kindOf(bytes: Buffer): { mime: string; ext: string } | null {
  const head = bytes.subarray(0, 12);
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return { mime: 'image/jpeg', ext: 'jpg' };
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mime: 'image/png', ext: 'png' };
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return { mime: 'image/webp', ext: 'webp' };
  if (head.toString('latin1', 0, 5) === '%PDF-') return { mime: 'application/pdf', ext: 'pdf' };
  return null;
}

/** Evidence lives beside the ledger, like its backups and import copies: "<ledger>-claims/". */
const folderOf = (ctx: EngineContext) => `${ctx.ledger.file}-claims`;

/**
 * Keeps a photo or PDF for a claim or one of its lines, named by claim and content hash (the same file twice is
 * stored once). The file is written before its row: if the row rolls back, an unlisted file is left, never a row
 * without its file.
 */
export function attachEvidence(
  ctx: EngineContext,
  input: { claimId: number; claimLineId: number | null; filename: string; base64: string },
) {
  const claim = getClaim(ctx, input.claimId, 'claimId');
  if (claim.status === 'settled') throw conflict(`${claim.number} is settled: it takes no more evidence`, 'claimId');
  if (input.claimLineId !== null && !claim.lines.some((l) => l.id === input.claimLineId))
    throw invalid(`Line ${input.claimLineId} is not on this claim`, 'claimLineId');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw invalid('The file is empty', 'base64');
  if (bytes.length > EVIDENCE_MAX_BYTES) throw invalid('The file is larger than 5 MB', 'base64');
  const kind = kindOf(bytes);
  if (!kind) throw invalid('Only photos (JPEG, PNG, WebP) and PDFs can be attached', 'base64');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const storedAs = `${claim.id}-${sha256}.${kind.ext}`;
  fs.mkdirSync(folderOf(ctx), { recursive: true });
  fs.writeFileSync(path.join(folderOf(ctx), storedAs), bytes);
  const row = ctx.ledger.sqlite
    .prepare(
      `INSERT INTO claim_evidence (claim_id, claim_line_id, filename, mime, size, sha256, stored_as, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       RETURNING id, claim_line_id AS claimLineId, filename, mime, size, sha256, added_at AS addedAt`,
    )
    .get(
      ...[claim.id, input.claimLineId, path.basename(input.filename), kind.mime, bytes.length, sha256, storedAs],
      ...[ctx.now().toISOString(), ctx.actor?.id ?? null],
    ) as { id: number; claimLineId: number | null; filename: string; mime: string; size: number; sha256: string };
  recordAudit(ctx, 'attach', 'claim', claim.id, { evidenceId: row.id, filename: row.filename, sha256 });
  return row as typeof row & { addedAt: string };
}

export function evidenceFile(ctx: EngineContext, id: number) {
  const row = ctx.ledger.sqlite
    .prepare('SELECT filename, mime, stored_as AS storedAs FROM claim_evidence WHERE id = ?')
    .get(id) as { filename: string; mime: string; storedAs: string } | undefined;
  if (!row) throw notFound(`Evidence ${id}`, 'id');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(folderOf(ctx), row.storedAs));
  } catch {
    throw conflict(`The file ${row.filename} is missing from the claims folder beside the ledger`, 'id');
  }
  return { filename: row.filename, mime: row.mime, base64: bytes.toString('base64') };
}
