import type { Sql } from './sql';

/** Highest n such that every deviceSeq 1..n has an answer held (in the inbox, or a recorded conflict).
 * Starts from the stored mark when that sequence is still held; when it is not (HQ was restored from an
 * older backup, or rows were lost) it recounts from 1, so the device is told to re-send. */
export async function advanceHighWaterMark(tx: Sql, deviceId: string): Promise<number> {
  const [device] = await tx.query<{ high_water_mark: number }>(
    'select high_water_mark from devices where device_id = $1 for update',
    [deviceId],
  );
  const stored = device?.high_water_mark ?? 0;
  const stillHeld = stored > 0 && (await held(tx, deviceId, [stored])).length > 0;
  const from = stillHeld ? stored : 1;
  let mark = stored;
  if (!stillHeld) mark = (await held(tx, deviceId, [1])).length ? 1 : 0;
  if (mark > 0) {
    const [end] = await tx.query<{ end_seq: number | null }>(
      `with h as (select device_seq from inbox where device_id = $1 and device_seq >= $2
                  union select device_seq from seq_conflicts where device_id = $1 and device_seq >= $2)
       select min(h.device_seq) as end_seq from h
       where not exists (select 1 from h h2 where h2.device_seq = h.device_seq + 1)`,
      [deviceId, from],
    );
    mark = end?.end_seq ?? mark;
  }
  if (mark !== stored) await tx.query('update devices set high_water_mark = $2 where device_id = $1', [deviceId, mark]);
  return mark;
}

async function held(tx: Sql, deviceId: string, seqs: number[]) {
  return tx.query(
    `select 1 from inbox where device_id = $1 and device_seq = any($2::bigint[])
     union all select 1 from seq_conflicts where device_id = $1 and device_seq = any($2::bigint[])`,
    [deviceId, seqs],
  );
}
