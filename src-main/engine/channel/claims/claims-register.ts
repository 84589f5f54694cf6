import type { ClaimStatus } from '../../../../src-shared/contract/channel-claims';
import type { EngineContext } from '../../context';
import { exportFile } from '../../reports/export-report';
import { col, sumColumns, type ReportResult } from '../../reports/report-types';
import { listClaims } from './claim-view';

const kindLabel: Record<string, string> = {
  scheme: 'Scheme',
  price_difference: 'Price difference',
  ship_and_debit: 'Ship and debit',
  rebate: 'Rebate',
  damage: 'Damage',
  expiry: 'Expiry',
  price_protection: 'Price protection',
};

/** The claims register: every claim on the brands with what was claimed, accepted and settled. */
export function claimsRegister(ctx: EngineContext, status?: ClaimStatus): ReportResult {
  const rows = listClaims(ctx, status ? { status } : {}).map((c) => ({
    number: c.number ?? '(draft)',
    filedOn: c.filedOn,
    supplierName: c.supplierName,
    kind: kindLabel[c.kind] ?? c.kind,
    status: c.status.replace('_', ' '),
    amount: c.amount,
    acceptedAmount: c.acceptedAmount,
    settledAmount: c.settledAmount,
  }));
  const columns = [
    col('number', 'Claim'),
    col('filedOn', 'Filed on', 'date'),
    col('supplierName', 'Brand'),
    col('kind', 'Kind'),
    col('status', 'Status'),
    col('amount', 'Claimed', 'money'),
    col('acceptedAmount', 'Accepted', 'money'),
    col('settledAmount', 'Settled', 'money'),
  ];
  return {
    title: 'Claims register',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: ['Newest first. Accepted and settled are blank until the brand answers and its credit note arrives.'],
  };
}

export function exportClaimsRegister(ctx: EngineContext, input: { status?: ClaimStatus; format: 'csv' | 'xlsx' }) {
  const name = `claims-register${input.status ? `-${input.status}` : ''}`;
  return exportFile(ctx, claimsRegister(ctx, input.status), input.format, name, input.status ?? 'All claims');
}
