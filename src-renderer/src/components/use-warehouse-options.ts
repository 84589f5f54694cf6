import { useEffect, useState } from 'react';
import { call } from '../api/client';

/** Active warehouses as select options ("PUN — Pune Main Warehouse"); empty if the role cannot list them. */
export function useWarehouseOptions(): { value: string; label: string }[] {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    call('warehouses.list', { includeInactive: false })
      .then((rows) => live && setOptions(rows.map((w) => ({ value: String(w.id), label: `${w.code} — ${w.name}` }))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return options;
}
