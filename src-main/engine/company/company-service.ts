import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Company, companyFields } from '../../../src-shared/contract/company';
import { company } from '../../ledger/schema';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, notFound } from '../errors';
import { checkGstinState } from '../customers/customer-rules';
import { rebuildOrderMilestones } from '../summaries/order-milestones';

type CompanyInput = z.output<typeof companyFields>;

export function getCompany(ctx: EngineContext): Company {
  const row = ctx.ledger.db.select().from(company).where(eq(company.id, 1)).get();
  if (!row) throw notFound('The company profile');
  const { id: _id, ...rest } = row;
  return rest;
}

export function companyName(ctx: EngineContext): string {
  return ctx.ledger.db.select({ name: company.name }).from(company).where(eq(company.id, 1)).get()?.name ?? '';
}

export function createCompany(
  ctx: EngineContext,
  input: Partial<CompanyInput> & { name: string; stateCode: string },
): void {
  ctx.ledger.db
    .insert(company)
    .values({ id: 1, ...input })
    .run();
  recordAudit(ctx, 'create', 'company', 1, { name: input.name });
  ctx.ledger.refreshTimeZone();
}

export function updateCompany(ctx: EngineContext, input: CompanyInput & { version: number }): Company {
  checkGstinState(input.gstin, input.stateCode, 'gstin');
  const { version, ...fields } = input;
  const zoneBefore = (
    ctx.ledger.sqlite.prepare('SELECT time_zone AS tz FROM company WHERE id = 1').get() as { tz: string }
  ).tz;
  const result = ctx.ledger.sqlite
    .prepare(
      `UPDATE company SET name=@name, address_line1=@addressLine1, address_line2=@addressLine2, city=@city, state_code=@stateCode,
       pincode=@pincode, gstin=@gstin, phone=@phone, email=@email, currency=@currency, locale=@locale,
       financial_year_start_month=@financialYearStartMonth, time_zone=@timeZone, discount_approval_bps=@discountApprovalBps,
       invoice_cancel_days=@invoiceCancelDays, invoice_flow=@invoiceFlow, eway_bill_threshold=@ewayBillThreshold,
       margin_policy=@marginPolicy, licence_policy=@licencePolicy, freight_gst_rate_bps=@freightGstRateBps,
       version = version + 1 WHERE id = 1 AND version = @version`,
    )
    .run({ ...fields, version });
  if (result.changes === 0)
    throw conflict('Someone else changed the company profile since you opened it; reload and try again', 'version');
  recordAudit(ctx, 'update', 'company', 1, fields);
  ctx.ledger.refreshTimeZone();
  // Milestone dates are business dates: in another zone an order may have been delivered a day earlier.
  if (input.timeZone !== zoneBefore) rebuildOrderMilestones(ctx);
  return getCompany(ctx);
}
