import { masterData, masterKey, type MasterItem, type MasterType } from '../../src-shared/sync';
import { HqRefusal } from './devices';
import type { Sql } from './sql';

/** Publishing masters and primary shipments, and paging them out to devices by cursor.
 * The cursor is the publication sequence. Publications are serialized by an advisory lock, so a sequence
 * number is never committed after a higher one and a device reading by cursor can never skip a row. */

export interface Publication {
  masterType: MasterType;
  data: unknown;
  validFrom: string;
  validTo?: string | null;
  /** Only this distributor sees it; null or absent = every distributor. Primary shipments name their own. */
  distributorCode?: string | null;
}

export async function publishMasters(
  sql: Sql,
  items: Publication[],
): Promise<Array<{ masterType: string; key: string; version: number }>> {
  const checked = items.map((item, i) => {
    const schema = masterData[item.masterType];
    if (!schema) throw new HqRefusal('bad_request', `item ${i + 1}: unknown masterType ${String(item.masterType)}`);
    const parsed = schema.safeParse(item.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new HqRefusal(
        'bad_request',
        `item ${i + 1} (${item.masterType}): data.${issue.path.join('.')}: ${issue.message}`,
      );
    }
    const data = parsed.data as Record<string, unknown>;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(item.validFrom))
      throw new HqRefusal('bad_request', `item ${i + 1}: validFrom must be YYYY-MM-DD`);
    if (item.validTo && (!/^\d{4}-\d{2}-\d{2}$/.test(item.validTo) || item.validTo < item.validFrom)) {
      throw new HqRefusal('bad_request', `item ${i + 1}: validTo must be a day on or after validFrom`);
    }
    const distributorCode =
      item.masterType === 'primary-shipment' ? String(data.distributorCode) : (item.distributorCode ?? null);
    return { ...item, data, distributorCode, key: masterKey(item.masterType, data) };
  });
  return sql.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('hq-publish'))");
    const out = [];
    for (const item of checked) {
      if (item.distributorCode) {
        const known = await tx.query('select 1 from distributors where code = $1', [item.distributorCode]);
        if (!known.length) throw new HqRefusal('bad_request', `No distributor ${item.distributorCode}`);
      }
      const [row] = await tx.query<{ version: number }>(
        `insert into masters (master_type, key, version, distributor_code, valid_from, valid_to, data)
         select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6::jsonb from masters where master_type = $1 and key = $2
         returning version`,
        [
          item.masterType,
          item.key,
          item.distributorCode,
          item.validFrom,
          item.validTo ?? null,
          JSON.stringify(item.data),
        ],
      );
      out.push({ masterType: item.masterType, key: item.key, version: row!.version });
    }
    return out;
  });
}

export async function pullMasters(sql: Sql, distributorCode: string, cursor: string | null, limit: number) {
  const after = cursor === null ? 0 : Number(cursor);
  if (!Number.isSafeInteger(after) || after < 0)
    throw new HqRefusal('bad_request', 'cursor is not one this HQ gave out');
  const rows = await sql.query<{
    seq: number;
    master_type: MasterType;
    key: string;
    version: number;
    valid_from: string;
    valid_to: string | null;
    data: unknown;
  }>(
    `select seq, master_type, key, version, valid_from, valid_to, data from masters
     where seq > $1 and (distributor_code is null or distributor_code = $2) order by seq limit $3`,
    [after, distributorCode, limit + 1],
  );
  const page = rows.slice(0, limit);
  const items = page.map((r) => ({
    masterType: r.master_type,
    key: r.key,
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    data: r.data,
  })) as MasterItem[];
  const last = page[page.length - 1];
  return { items, nextCursor: last ? String(last.seq) : cursor, hasMore: rows.length > limit };
}
