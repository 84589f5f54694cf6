import type { Sql } from './sql';

/** The brand's small read view: what each distributor sent and sold, per business day. */

export async function eventsPerDay(sql: Sql, q: { distributorCode?: string; from: string; to: string }) {
  return sql.query(
    `select distributor_code as "distributorCode", business_date as "businessDate", type,
            count(*) filter (where status = 'accepted') as accepted, count(*) filter (where status = 'rejected') as rejected
     from events where business_date between $1 and $2 and ($3::text is null or distributor_code = $3)
     group by distributor_code, business_date, type order by distributor_code, business_date, type`,
    [q.from, q.to, q.distributorCode ?? null],
  );
}

export async function secondarySalesPerDay(sql: Sql, q: { distributorCode?: string; from: string; to: string }) {
  return sql.query(
    `select distributor_code as "distributorCode", business_date as "businessDate", sku,
            sum(qty) as qty, sum(free_qty) as "freeQty", sum(taxable_paise) as "taxablePaise",
            sum(tax_paise) as "taxPaise", sum(total_paise) as "totalPaise", count(distinct customer_code) as outlets
     from secondary_sales where business_date between $1 and $2 and ($3::text is null or distributor_code = $3)
     group by distributor_code, business_date, sku order by distributor_code, business_date, sku`,
    [q.from, q.to, q.distributorCode ?? null],
  );
}

export async function parkedEvents(sql: Sql, distributorCode?: string) {
  return sql.query(
    `select i.device_id as "deviceId", i.event_id as "eventId", i.device_seq as "deviceSeq", i.type, i.reason,
            i.business_date as "businessDate"
     from inbox i join devices d on d.device_id = i.device_id
     where i.status = 'rejected' and ($1::text is null or d.distributor_code = $1) order by i.device_id, i.device_seq`,
    [distributorCode ?? null],
  );
}
