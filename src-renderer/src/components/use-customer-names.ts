import { useEffect, useState } from 'react';
import { call } from '../api/client';

/** How a chosen customer reads in a picker: the same words CustomerPicker writes when one is picked. */
export const customerLabel = (c: { name: string; code: string }) => `${c.name} (${c.code})`;

/**
 * Names for customer ids that came from the ledger (a saved default, an agreement's list), each looked up once;
 * `remember` keeps the name a picker already gave, so a fresh pick needs no lookup.
 */
export function useCustomerNames(ids: (number | null | undefined)[]) {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const remember = (id: number, label: string) => setNames((m) => new Map(m).set(id, label));
  const wanted = ids.filter((id): id is number => Boolean(id));
  useEffect(() => {
    for (const id of wanted)
      if (!names.has(id)) void call('customers.get', { id }).then((c) => remember(id, customerLabel(c)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted.join(',')]);
  return { names, remember };
}
