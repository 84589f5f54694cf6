import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call, type ApiError } from '../../api/client';
import { download } from '../../components/download';
import { toast } from '../../stores/toast-store';

type Claim = OutputOf<'claims.get'>;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Photos and PDFs backing the claim (up to 5 MB each), listed with the line they back, and downloadable. */
export function ClaimEvidence(props: { claim: Claim; canAttach: boolean; onChanged(): void }) {
  const { claim } = props;
  // A photo of one damaged batch backs that line; a circular or a stock statement backs the whole claim.
  const [forLine, setForLine] = useState<number | null>(null);
  const attach = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      try {
        const base64 = await toBase64(file);
        await call('claims.attachEvidence', { claimId: claim.id, claimLineId: forLine, filename: file.name, base64 });
        toast.ok(`${file.name} attached`);
      } catch (e) {
        toast.error(`${file.name}: ${(e as ApiError).message}`);
      }
    }
    props.onChanged();
  };
  const open = (id: number) =>
    void call('claims.evidenceFile', { id })
      .then(download)
      .catch((e: ApiError) => toast.error(e.message));
  const lineNo = (id: number | null) => claim.lines.find((l) => l.id === id)?.lineNo;
  return (
    <div className="card">
      <h3>Evidence</h3>
      {claim.evidence.length === 0 && <p className="muted">No photos or documents attached.</p>}
      <ul>
        {claim.evidence.map((e) => (
          <li key={e.id}>
            <button className="link" onClick={() => open(e.id)}>
              {e.filename}
            </button>{' '}
            <span className="muted">
              {Math.ceil(e.size / 1024)} KB{e.claimLineId !== null && `, line ${lineNo(e.claimLineId)}`}
            </span>
          </li>
        ))}
      </ul>
      {props.canAttach && claim.lines.length > 1 && (
        <div className="field">
          <label htmlFor="evidence-for">For</label>
          <select
            id="evidence-for"
            value={forLine ?? ''}
            onChange={(e) => setForLine(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">The whole claim</option>
            {claim.lines.map((l) => (
              <option key={l.id} value={l.id}>
                Line {l.lineNo}: {l.description.slice(0, 60)}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.canAttach && (
        <label className="field">
          <span>Attach photos or PDFs</span>
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            onChange={(e) => void attach(e.target.files)}
          />
        </label>
      )}
    </div>
  );
}
