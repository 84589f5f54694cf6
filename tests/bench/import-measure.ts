import { stats, timeAsync } from './measure';
import type { Measured } from './http-measures';

type Post = (name: string, body: unknown) => Promise<unknown>;

/**
 * A 10 MB product file (all-or-nothing) imported over HTTP while auth.me is called back to back: the longest wait
 * is what another user waits behind an import (#12: no call waits more than 50 ms behind another). SKUs carry the
 * run's time, so a reused bench ledger takes the file again; it goes last, as it adds ~10k products.
 */
export async function measureImport(post: Post): Promise<Measured> {
  const run = Date.now().toString(36).toUpperCase();
  const lines = ['Item Code,Item Name,Brand,Group,HSN Code,GST %,MRP,Rate,Unit,Rack,Remarks'];
  const remarks = `"${'Assorted cream biscuit, family pack; scheme 10+1 on cases; '.repeat(14)}"`;
  let size = lines[0]!.length;
  for (let i = 1; size < 10 * 1024 * 1024; i += 1) {
    const line = `IMP-${run}-${i},Bench import product ${i},Sunrise,Biscuits,19053100,18,20.00,16.00,pc,A-${i % 97},${remarks}`;
    lines.push(line);
    size += line.length + 1;
  }
  let done = false;
  const importing = post('products.import', { csv: lines.join('\n'), mode: 'all-or-nothing' }).finally(
    () => (done = true),
  );
  const waits: number[] = [];
  while (!done) waits.push(await timeAsync(() => post('auth.me', {})));
  await importing;
  const s = stats(waits);
  const max = Math.max(...waits);
  console.log(
    `${'10 MB import: longest cheap-call wait'.padEnd(58)} p50 ${s.p50.toFixed(1)} ms  max ${max.toFixed(1)}`,
  );
  return {
    name: '10 MB import: longest cheap-call wait (auth.me)',
    stats: s,
    target: 'max ≤ 50 ms',
    ok: max <= 50,
    max,
  };
}
