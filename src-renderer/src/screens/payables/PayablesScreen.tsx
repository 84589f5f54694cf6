import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { BrandReturnsPanel } from './BrandReturnsPanel';
import { PayablesAgeing } from './PayablesAgeing';
import { SupplierAccount } from './SupplierAccount';
import { Tabs } from '../../components/Tabs';

type Tab = 'account' | 'returns' | 'ageing';

/** What we owe the brands: each supplier's account and paying it, returns to the brand, ageing and TDS. */
export function PayablesScreen() {
  const [tab, setTab] = useState<Tab>('account');
  const [suppliers, setSuppliers] = useState<OutputOf<'suppliers.list'>>([]);
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setSuppliers), []);
  const tabs: [Tab, string][] = [
    ['account', 'Supplier account'],
    ['returns', 'Returns to the brand'],
    ['ageing', 'Ageing & TDS'],
  ];
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Payables</h1>
        <Tabs tabs={tabs} current={tab} onSelect={setTab} />
      </header>
      {tab === 'account' && <SupplierAccount suppliers={suppliers} />}
      {tab === 'returns' && <BrandReturnsPanel suppliers={suppliers} />}
      {tab === 'ageing' && <PayablesAgeing />}
    </section>
  );
}
