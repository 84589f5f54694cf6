import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { ChannelStockTable } from './ChannelStockTable';
import { HeldRowsPanel } from './HeldRowsPanel';
import { ManualStockEntry } from './ManualStockEntry';
import { SellOutImport } from './SellOutImport';

type Tab = 'stock' | 'import' | 'held' | 'manual';

/** What the outlets hold and sell: their files imported and mapped, figures entered by hand, days of cover. */
export function ChannelStockScreen() {
  const [tab, setTab] = useState<Tab>('stock');
  const tabs: [Tab, string][] = [
    ['stock', 'Stock & cover'],
    ['import', 'Import sell-out'],
    ['held', 'Held rows'],
    ['manual', 'Enter by hand'],
  ];
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Channel stock</h1>
        <Tabs tabs={tabs} current={tab} onSelect={setTab} />
      </header>
      {tab === 'stock' && <ChannelStockTable />}
      {tab === 'import' && <SellOutImport onHeld={() => setTab('held')} />}
      {tab === 'held' && <HeldRowsPanel />}
      {tab === 'manual' && <ManualStockEntry />}
    </section>
  );
}
