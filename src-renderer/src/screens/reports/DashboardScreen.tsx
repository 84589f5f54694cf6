import { useEffect, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useNav } from '../../stores/nav-store';

type Dashboard = OutputOf<'dashboard.get'>;
const COLORS = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d', '#94a3b8'];
const rupees = (p: number) => formatMoney(p);
const short = (p: number) =>
  p >= 1_00_000_00
    ? `₹${(p / 1_00_000_00).toFixed(1)}L`
    : p >= 1_000_00
      ? `₹${(p / 1_000_00).toFixed(0)}k`
      : `₹${(p / 100).toFixed(0)}`;

/** The Monday screen: orders by stage, money owed, the trend, who and what sells, what schemes cost. */
export function DashboardScreen() {
  const [data, setData] = useState<Dashboard | null>(null);
  const [trend, setTrend] = useState<'day' | 'week' | 'month'>('day');
  const go = useNav((s) => s.go);
  useEffect(() => void call('dashboard.get', { trend }).then(setData), [trend]);
  if (!data)
    return (
      <section className="screen">
        <p className="muted">Loading the dashboard…</p>
      </section>
    );
  return (
    <section className="screen dashboard">
      <header className="screen-head">
        <h1>Dashboard</h1>
        <span className="muted">as of {data.today}</span>
      </header>
      <div className="tiles">
        {data.tiles.map((t) => (
          <button
            key={t.key}
            className={`tile ${t.key}`}
            data-testid={`tile-${t.key}`}
            onClick={() => go('orders', { status: t.status })}
          >
            <span className="tile-label">{t.label}</span>
            <strong className="tile-count">{t.count}</strong>
            <span className="tile-value">{rupees(t.value)}</span>
          </button>
        ))}
        <button className="tile money" onClick={() => go('billing', { tab: 'receivables' })}>
          <span className="tile-label">Outstanding</span>
          <strong className="tile-count">{short(data.outstanding)}</strong>
          <span className="tile-value bad">
            {rupees(data.overdue)} overdue in {data.overdueInvoices} bills
          </span>
        </button>
        <div className="tile money">
          <span className="tile-label">Billed today / this month</span>
          <strong className="tile-count">{short(data.salesToday)}</strong>
          <span className="tile-value">{rupees(data.salesMonth)} this month</span>
        </div>
      </div>
      <div className="charts">
        <article className="card chart wide">
          <header className="detail-head">
            <h2>Billing trend</h2>
            <div className="tabs">
              {(['day', 'week', 'month'] as const).map((t) => (
                <button key={t} className={trend === t ? 'current' : ''} onClick={() => setTrend(t)}>
                  {t === 'day' ? 'Daily' : t === 'week' ? 'Weekly' : 'Monthly'}
                </button>
              ))}
            </div>
          </header>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data.trend}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" fontSize={11} />
              <YAxis tickFormatter={short} fontSize={11} width={60} />
              <Tooltip formatter={(v) => rupees(Number(v))} />
              <Bar dataKey="billed" name="Billed" fill="#0f766e" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </article>
        <article className="card chart">
          <h2>Top customers this month</h2>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data.topCustomers} layout="vertical" margin={{ left: 10 }}>
              <XAxis type="number" tickFormatter={short} fontSize={11} />
              <YAxis type="category" dataKey="name" width={140} fontSize={11} />
              <Tooltip formatter={(v) => rupees(Number(v))} />
              <Bar dataKey="billed" name="Billed" fill="#2563eb" radius={[0, 3, 3, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </article>
        <article className="card chart">
          <h2>Product contribution this month</h2>
          <ResponsiveContainer width="100%" height={220}>
            <PieChart>
              <Pie
                data={data.productContribution}
                dataKey="taxable"
                nameKey="name"
                innerRadius={50}
                outerRadius={85}
                paddingAngle={1}
                isAnimationActive={false}
              >
                {data.productContribution.map((p, i) => (
                  <Cell key={p.id} fill={COLORS[i % COLORS.length]} />
                ))}
              </Pie>
              <Tooltip formatter={(v) => rupees(Number(v))} />
            </PieChart>
          </ResponsiveContainer>
        </article>
        <article className="card chart">
          <h2>Scheme cost this month</h2>
          {data.schemeCost.length === 0 ? (
            <p className="muted">No scheme benefit given this month.</p>
          ) : (
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={data.schemeCost}>
                <XAxis dataKey="name" fontSize={11} />
                <YAxis tickFormatter={short} fontSize={11} width={60} />
                <Tooltip formatter={(v) => rupees(Number(v))} />
                <Bar dataKey="cost" name="Benefit given" fill="#d97706" radius={[3, 3, 0, 0]} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </article>
        <article className="card chart">
          <h2>Recent activity</h2>
          <ul className="activity">
            {data.activity.map((a, i) => (
              <li key={i}>
                <button className="link" onClick={() => go('orders', { open: String(a.orderId) })}>
                  {a.orderNumber}
                </button>{' '}
                {a.customer}: {a.message}{' '}
                <span className="muted">
                  — {a.who}, {a.at.slice(0, 16).replace('T', ' ')}
                </span>
              </li>
            ))}
          </ul>
        </article>
      </div>
    </section>
  );
}
