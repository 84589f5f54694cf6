import type { einvoiceOperations } from '../../../../src-shared/contract/einvoice';
import type { HandlerTable } from '../../../api/handler-types';
import { recordAudit } from '../../audit';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { einvoiceFrom, listDue } from './einvoice-due';
import { einvoiceBulk, einvoiceJson } from './export-einvoice';
import { importIrpResponse } from './import-irn';

const fileName = (number: string) => `einvoice-${number.replace(/[^A-Za-z0-9-]/g, '-')}.json`;

function updateSettings(ctx: EngineContext, input: { appliesFrom: string | null }) {
  const before = einvoiceFrom(ctx);
  ctx.ledger.sqlite.prepare('UPDATE company SET einvoice_from = ? WHERE id = 1').run(input.appliesFrom);
  recordAudit(ctx, 'update', 'company', 1, { einvoiceFrom: { from: before, to: input.appliesFrom } });
  return { appliesFrom: input.appliesFrom };
}

/** E-invoicing with the IRP (issue #14): settings, the due list, JSON out, the IRP's answers in. */
export const einvoiceHandlers: HandlerTable<keyof typeof einvoiceOperations> = {
  'einvoice.settings': (_, ctx) => ({ appliesFrom: einvoiceFrom(ctx) }),
  'einvoice.updateSettings': (input, ctx) => updateSettings(ctx, input),
  'einvoice.due': (_, ctx) => {
    const documents = listDue(ctx);
    return { appliesFrom: einvoiceFrom(ctx), count: documents.length, documents };
  },
  'einvoice.export': (input, ctx) => {
    const { number, json } = einvoiceJson(ctx, input);
    return { filename: fileName(number), number, content: `${JSON.stringify(json, null, 2)}\n` };
  },
  'einvoice.exportBulk': (input, ctx) => {
    const chosen = input.documents
      ? input.documents.map((d) => ({ ...d, number: `${d.type} ${d.id}` }))
      : listDue(ctx, { from: input.from ?? undefined, to: input.to ?? undefined });
    const { documents, refused } = einvoiceBulk(ctx, chosen);
    return {
      filename: `einvoice-bulk-${businessToday(ctx)}.json`,
      count: documents.length,
      content: `${JSON.stringify(documents, null, 2)}\n`,
      refused,
    };
  },
  'einvoice.importResponse': (input, ctx) => importIrpResponse(ctx, input),
};
