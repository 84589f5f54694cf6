import { useEffect, useState, type ReactNode } from 'react';
import { CompanyWarning } from '../components/CompanyWarning';
import { LedgerDamagedBanner } from '../components/LedgerDamagedBanner';
import type { Permission } from '../../../src-shared/permissions';
import { roleLabels } from '../../../src-shared/permissions';
import { useHotkeys } from '../components/use-hotkeys';
import { useSession } from '../stores/session-store';
import { useToasts } from '../stores/toast-store';
import { CustomersScreen } from './customers/CustomersScreen';
import { ProductsScreen } from './products/ProductsScreen';
import { CompanyScreen } from './settings/CompanyScreen';
import { UsersScreen } from './settings/UsersScreen';
import { ApprovalPoliciesScreen } from './settings/ApprovalPoliciesScreen';
import { BackupsScreen } from './settings/BackupsScreen';
import { DevicesScreen } from './settings/DevicesScreen';
import { WarehousesScreen } from './settings/WarehousesScreen';
import { ApprovalsScreen } from './orders/ApprovalsScreen';
import { OrderEntryScreen } from './orders/OrderEntryScreen';
import { OrdersScreen } from './orders/OrdersScreen';
import { NotificationsButton } from './NotificationsButton';
import { AwayScreen } from './AwayScreen';
import { PickingScreen } from './warehouse/PickingScreen';
import { StockScreen } from './warehouse/StockScreen';
import { PricingScreen } from './pricing/PricingScreen';
import { BillingScreen } from './billing/BillingScreen';
import { CounterScreen } from './billing/CounterScreen';
import { DashboardScreen } from './reports/DashboardScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { AssistantBox } from './reports/AssistantBox';
import { useNav } from '../stores/nav-store';
import { SyncScreen } from './sync/SyncScreen';
import { SuppliersScreen } from './purchasing/SuppliersScreen';
import { PurchaseOrdersScreen } from './purchasing/PurchaseOrdersScreen';
import { PurchaseInvoicesScreen } from './purchasing/PurchaseInvoicesScreen';
import { StockValueScreen } from './reports/StockValueScreen';
import { GstReturnsScreen } from './reports/GstReturnsScreen';
import { SyncStatusLine } from './sync/SyncStatusLine';
import { PayablesScreen } from './payables/PayablesScreen';
import { TallyScreen } from './tally/TallyScreen';
import { RebatesScreen } from './channel/RebatesScreen';
import { ClaimsScreen } from './channel/ClaimsScreen';
import { ChannelStockScreen } from './channel/ChannelStockScreen';
import { ForecastScreen } from './channel/ForecastScreen';
import { EndBuyerAgreementsScreen } from './channel/EndBuyerAgreementsScreen';

interface Place {
  key: string;
  label: string;
  /** Alt+digit, the same for every role; a role that cannot open the screen just has no such key. */
  digit?: number;
  permission: Permission;
  screen: (goTo: (key: string) => void) => ReactNode;
}

const places: Place[] = [
  { key: 'new-order', digit: 1, label: 'New order', permission: 'orders.write', screen: () => <OrderEntryScreen /> },
  {
    key: 'orders',
    digit: 2,
    label: 'Orders',
    permission: 'orders.read',
    screen: (goTo) => <OrdersScreen goTo={goTo} />,
  },
  { key: 'approvals', digit: 3, label: 'Approvals', permission: 'orders.read', screen: () => <ApprovalsScreen /> },
  { key: 'picking', digit: 4, label: 'Picking', permission: 'orders.read', screen: () => <PickingScreen /> },
  { key: 'counter', digit: 5, label: 'Counter sale', permission: 'billing.write', screen: () => <CounterScreen /> },
  { key: 'billing', digit: 6, label: 'Billing', permission: 'orders.read', screen: () => <BillingScreen /> },
  { key: 'stock', digit: 7, label: 'Stock', permission: 'inventory.read', screen: () => <StockScreen /> },
  { key: 'customers', digit: 8, label: 'Customers', permission: 'customers.read', screen: () => <CustomersScreen /> },
  { key: 'products', digit: 9, label: 'Products', permission: 'products.read', screen: () => <ProductsScreen /> },
  { key: 'dashboard', digit: 0, label: 'Dashboard', permission: 'orders.read', screen: () => <DashboardScreen /> },
  { key: 'reports', label: 'Reports', permission: 'orders.read', screen: () => <ReportsScreen /> },
  { key: 'gst-returns', label: 'GST returns', permission: 'billing.read', screen: () => <GstReturnsScreen /> },
  // The channel: agreements, rebates, stock after the sale, forecasts, and what the brands owe back.
  { key: 'channel-stock', label: 'Channel stock', permission: 'orders.read', screen: () => <ChannelStockScreen /> },
  { key: 'forecast', label: 'Channel forecast', permission: 'orders.read', screen: () => <ForecastScreen /> },
  {
    key: 'channel-agreements',
    label: 'Channel: agreements',
    permission: 'pricing.read',
    screen: () => <EndBuyerAgreementsScreen />,
  },
  { key: 'channel-rebates', label: 'Channel: rebates', permission: 'billing.read', screen: () => <RebatesScreen /> },
  { key: 'claims', label: 'Claims', permission: 'purchasing.read', screen: () => <ClaimsScreen /> },
  {
    key: 'purchase-orders',
    label: 'Purchase orders',
    permission: 'purchasing.read',
    screen: () => <PurchaseOrdersScreen />,
  },
  {
    key: 'purchase-invoices',
    label: 'Purchase invoices',
    permission: 'purchasing.write',
    screen: () => <PurchaseInvoicesScreen />,
  },
  // Every role that pays suppliers (payables.write) also reads purchasing.
  { key: 'payables', label: 'Payables', permission: 'purchasing.read', screen: () => <PayablesScreen /> },
  { key: 'tally', label: 'Tally', permission: 'billing.read', screen: () => <TallyScreen /> },
  { key: 'stock-value', label: 'Stock value', permission: 'cost.read', screen: () => <StockValueScreen /> },
  { key: 'suppliers', label: 'Suppliers', permission: 'purchasing.read', screen: () => <SuppliersScreen /> },
  { key: 'pricing', label: 'Schemes & prices', permission: 'pricing.read', screen: () => <PricingScreen /> },
  { key: 'warehouses', label: 'Warehouses', permission: 'warehouses.read', screen: () => <WarehousesScreen /> },
  { key: 'company', label: 'Company', permission: 'company.read', screen: () => <CompanyScreen /> },
  { key: 'users', label: 'Users', permission: 'users.read', screen: () => <UsersScreen /> },
  {
    key: 'approval-policies',
    label: 'Approval policies',
    permission: 'users.write',
    screen: () => <ApprovalPoliciesScreen />,
  },
  { key: 'devices', label: 'Other computers', permission: 'devices.manage', screen: () => <DevicesScreen /> },
  { key: 'sync', label: 'Sync with HQ', permission: 'sync.admin', screen: () => <SyncScreen /> },
  { key: 'backups', label: 'Backups', permission: 'backups.admin', screen: () => <BackupsScreen /> },
];

export function AppFrame() {
  const { user, companyName, signOut, can } = useSession();
  const visible = places.filter((p) => can(p.permission));
  const current = useNav((s) => s.place) || (visible[0]?.key ?? 'customers');
  const go = useNav((s) => s.go);
  const setCurrent = (key: string) => go(key);
  const [asking, setAsking] = useState(false);
  useEffect(() => () => go(''), [go]);
  // A new sign-in starts clean: the last user's "your approval is recorded" is not this user's.
  useEffect(() => useToasts.setState({ toasts: [] }), []);
  const toasts = useToasts((s) => s.toasts);
  const [help, setHelp] = useState(false);
  const [away, setAway] = useState(false);
  const canOpen = (key: string) => visible.some((p) => p.key === key);
  useHotkeys(
    Object.fromEntries([
      ...visible.filter((p) => p.digit !== undefined).map((p) => [`alt+${p.digit}`, () => setCurrent(p.key)] as const),
      ['?', () => setHelp((h) => !h)] as const,
      // Tally's voucher keys, for clerks who have them in their fingers.
      ['f8', () => canOpen('new-order') && setCurrent('new-order')] as const,
      ['f6', () => canOpen('billing') && go('billing', { tab: 'payment' })] as const,
      ['ctrl+k', () => setAsking(true)] as const,
    ]),
  );
  const place = visible.find((p) => p.key === current) ?? visible[0];

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Stockist</div>
        <div className="company" title={companyName}>
          {companyName}
        </div>
        <ul>
          {visible.map((p) => (
            <li key={p.key}>
              <button
                className={p.key === place?.key ? 'current' : ''}
                aria-current={p.key === place?.key ? 'page' : undefined}
                onClick={() => setCurrent(p.key)}
              >
                <span>{p.label}</span>
                {p.digit !== undefined && <kbd>Alt+{p.digit}</kbd>}
              </button>
            </li>
          ))}
        </ul>
        <div className="me">
          <div>{user?.displayName}</div>
          <div className="muted">{user ? roleLabels[user.role] : ''}</div>
          <NotificationsButton onOpenAway={() => setAway(true)} />
          {can('orders.approve') && (
            <button className="link" onClick={() => setAway(true)}>
              Away: substitute
            </button>
          )}
          {can('sync.admin') && <SyncStatusLine onOpen={() => setCurrent('sync')} />}
          <button className="link" onClick={() => setAsking(true)}>
            Ask Stockist (Ctrl+K)
          </button>
          <button className="link" onClick={() => setHelp(true)}>
            Keyboard shortcuts (?)
          </button>
          <button className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="content" key={place?.key}>
        <LedgerDamagedBanner screen={place?.key ?? ''} />
        {can('billing.write') && ['billing', 'counter', 'picking'].includes(place?.key ?? '') && (
          <CompanyWarning screen={place?.key ?? ''} />
        )}
        {place?.screen(setCurrent)}
      </main>
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast ${t.kind}`} role="status">
            {t.text}
          </div>
        ))}
      </div>
      {asking && <AssistantBox onClose={() => setAsking(false)} />}
      {away && <AwayScreen onClose={() => setAway(false)} />}
      {help && (
        <div className="drawer-backdrop center" onClick={() => setHelp(false)}>
          <div className="modal" role="dialog" aria-label="Keyboard shortcuts">
            <header>
              <h2>Keyboard shortcuts</h2>
            </header>
            <div className="modal-body">
              <table className="plain">
                <tbody>
                  {visible
                    .filter((p) => p.digit !== undefined)
                    .map((p) => (
                      <tr key={p.key}>
                        <td>
                          <kbd>Alt+{p.digit}</kbd>
                        </td>
                        <td>{p.label}</td>
                      </tr>
                    ))}
                  {canOpen('new-order') && (
                    <tr>
                      <td>
                        <kbd>F8</kbd>
                      </td>
                      <td>New order (Tally’s sales voucher key)</td>
                    </tr>
                  )}
                  {canOpen('billing') && (
                    <tr>
                      <td>
                        <kbd>F6</kbd>
                      </td>
                      <td>Receive a payment (Tally’s receipt key)</td>
                    </tr>
                  )}
                  <tr>
                    <td>
                      <kbd>Ctrl+A</kbd> or <kbd>Ctrl+Enter</kbd>
                    </td>
                    <td>Accept: place the order, complete the counter sale</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Alt+C</kbd>
                    </td>
                    <td>Create the customer or product you are typing, without leaving the order</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Alt+P</kbd>
                    </td>
                    <td>Show where each line’s price and discount came from</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Enter</kbd>
                    </td>
                    <td>
                      Order: customer → product → quantity → next product. Counter: on the empty scan box, go to
                      Tendered; in Tendered, complete the sale
                    </td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Ctrl+K</kbd>
                    </td>
                    <td>Ask Stockist (orders, invoices, reports in plain words)</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>/</kbd>
                    </td>
                    <td>Search the list</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
                    </td>
                    <td>Move in a list and open the record</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Alt+N</kbd>
                    </td>
                    <td>New record</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Alt+I</kbd>
                    </td>
                    <td>Import from CSV</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Ctrl+S</kbd>
                    </td>
                    <td>Save the open form</td>
                  </tr>
                  <tr>
                    <td>
                      <kbd>Esc</kbd>
                    </td>
                    <td>Close the form or dialog</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
