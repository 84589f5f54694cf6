import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { ClaimStatus } from '../../../../src-shared/contract/channel-claims';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { download } from '../../components/download';
import { Tabs } from '../../components/Tabs';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { ClaimBuilder } from './ClaimBuilder';
import { ClaimView } from './ClaimView';
import { claimKindLabel, claimStatusLabel, statusPill } from './claim-labels';

type Filter = ClaimStatus | '';
const filters: [Filter, string][] = [['', 'All'], ...(Object.entries(claimStatusLabel) as [ClaimStatus, string][])];

/**
 * Claims on the brands: the register by status (↑/↓ to move, Enter to open), one claim with its lines, evidence and
 * the next step (file, the brand's answer, its credit note), and the builders (Alt+N) that propose lines to claim.
 */
export function ClaimsScreen() {
  const canWrite = useSession((s) => s.can('purchasing.write'));
  const [filter, setFilter] = useState<Filter>('');
  const [rows, setRows] = useState<OutputOf<'claims.list'>>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [building, setBuilding] = useState(false);
  const table = useRef<HTMLTableSectionElement>(null);
  const reload = () => void call('claims.list', filter ? { status: filter } : {}).then(setRows);
  useEffect(reload, [filter]);
  useHotkeys({ 'alt+n': () => canWrite && (setOpenId(null), setBuilding(true)) });
  const exportAs = (format: 'csv' | 'xlsx') =>
    void call('claims.export', { ...(filter ? { status: filter } : {}), format })
      .then(download)
      .catch((e: ApiError) => toast.error(e.message));
  const moveFocus = (e: React.KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = e.currentTarget;
    if (e.key === 'Enter') return setOpenId(id);
    const next =
      e.key === 'ArrowDown' ? row.nextElementSibling : e.key === 'ArrowUp' ? row.previousElementSibling : null;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      next.focus();
    }
  };
  const back = () => (setOpenId(null), setBuilding(false), reload());

  if (openId !== null) return <ClaimView id={openId} onBack={back} />;
  if (building) return <ClaimBuilder onCancel={back} onDrafted={(id) => (setBuilding(false), setOpenId(id))} />;
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Claims</h1>
        <Tabs tabs={filters} current={filter} onSelect={setFilter} />
      </header>
      <div className="toolbar left">
        {canWrite && (
          <button className="primary" onClick={() => setBuilding(true)}>
            New claim <kbd>Alt+N</kbd>
          </button>
        )}
        <button onClick={() => exportAs('csv')}>Export CSV</button>
        <button onClick={() => exportAs('xlsx')}>Export XLSX</button>
      </div>
      <table className="plain" aria-label="Claims">
        <thead>
          <tr>
            <th>Claim</th>
            <th>Filed</th>
            <th>Brand</th>
            <th>Kind</th>
            <th>Status</th>
            <th className="num">Claimed</th>
            <th className="num">Accepted</th>
            <th className="num">Settled</th>
          </tr>
        </thead>
        <tbody ref={table}>
          {rows.map((r, i) => (
            <tr
              key={r.id}
              tabIndex={0}
              autoFocus={i === 0}
              className="clickable"
              onClick={() => setOpenId(r.id)}
              onKeyDown={(e) => moveFocus(e, r.id)}
            >
              <td style={{ whiteSpace: 'nowrap' }}>{r.number ?? `Draft ${r.id}`}</td>
              <td>{r.filedOn ? formatDocDate(r.filedOn) : ''}</td>
              <td>{r.supplierName}</td>
              <td>{claimKindLabel[r.kind]}</td>
              <td>
                <span className={`pill ${statusPill(r.status)}`}>{claimStatusLabel[r.status]}</span>
              </td>
              <td className="num">{formatMoney(r.amount)}</td>
              <td className="num">{r.acceptedAmount === null ? '' : formatMoney(r.acceptedAmount)}</td>
              <td className="num">{r.settledAmount === null ? '' : formatMoney(r.settledAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="muted">No claims {filter ? `${claimStatusLabel[filter].toLowerCase()} ` : ''}yet.</p>
      )}
    </section>
  );
}
