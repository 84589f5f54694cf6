import type { Gstr1PeriodInput } from '../../../../src-shared/contract/gstr1';
import type { EngineContext } from '../../context';
import { invalid } from '../../errors';
import { buildGstr1 } from './build-gstr1';
import { gstr1Xlsx } from './gstr1-xlsx';
import { readGstr1Source } from './read-gstr1';
import { reconcileGstr1 } from './reconcile-gstr1';
import { returnPeriod } from './return-period';
import { validateGstr1 } from './validate-gstr1';

type PeriodInput = Required<Gstr1PeriodInput>;

function build(ctx: EngineContext, input: PeriodInput) {
  const period = returnPeriod(input.month, input.span);
  const source = readGstr1Source(ctx, period);
  const ret = buildGstr1(source);
  return { period, source, ret, problems: validateGstr1(ret.json) };
}

/** What the GST returns screen shows: section totals, documents issued, schema problems and the reconciliation. */
export function gstr1Summary(ctx: EngineContext, input: PeriodInput) {
  const { period, source, ret, problems } = build(ctx, input);
  return {
    period,
    gstin: source.gstin,
    sections: ret.sections,
    issued: ret.issued,
    problems,
    reconciliation: reconcileGstr1(ctx, period, ret),
  };
}

/**
 * The return as a file. Only a file the project's schema accepts is offered: otherwise the refusal names the first
 * document and what is wrong with it (the screen lists them all).
 */
export async function gstr1Export(ctx: EngineContext, input: PeriodInput & { format: 'json' | 'xlsx' }) {
  const { period, source, ret, problems } = build(ctx, input);
  if (problems.length) {
    const [first] = problems;
    const where = first!.document ? `${first!.document}: ` : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more; see GST returns)` : '';
    throw invalid(`GSTR-1 for ${period.label} cannot be filed as it is. ${where}${first!.message}${more}`, 'month');
  }
  const name = `GSTR1_${source.gstin}_${period.fp}${input.span === 'quarter' ? '_Q' : ''}`;
  if (input.format === 'json') {
    const text = JSON.stringify(ret.json);
    return { filename: `${name}.json`, mime: 'application/json', base64: Buffer.from(text).toString('base64') };
  }
  const names = Object.fromEntries(
    (
      ctx.ledger.sqlite
        .prepare("SELECT gstin, min(name) AS name FROM customers WHERE gstin <> '' GROUP BY gstin")
        .all() as {
        gstin: string;
        name: string;
      }[]
    ).map((c) => [c.gstin, c.name]),
  );
  const book = await gstr1Xlsx(ret.json, names);
  return {
    filename: `${name}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: book.toString('base64'),
  };
}
