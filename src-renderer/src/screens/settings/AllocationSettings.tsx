import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Settings = OutputOf<'inventory.settings'>;
const methods = {
  fefo: 'FEFO — earliest expiry first',
  fifo: 'FIFO — oldest made first',
  lifo: 'LIFO — newest made first',
  manual: 'Manual — chosen per order',
};

/** How batches are chosen at confirmation: a company default and exceptions per category. */
export function AllocationSettings() {
  const canWrite = useSession((s) => s.can('inventory.settings'));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [categories, setCategories] = useState<string[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    void call('inventory.settings', {}).then(setSettings);
    void call('products.facets', {}).then((f) => setCategories(f.categories));
  }, []);
  if (!settings) return null;
  const save = async () => {
    try {
      await call('inventory.updateSettings', settings);
      toast.ok('Allocation settings saved');
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const ruleFor = (c: string) => settings.categoryRules.find((r) => r.category === c)?.method ?? '';
  const setRule = (category: string, method: string) =>
    setSettings({
      ...settings,
      categoryRules: [
        ...settings.categoryRules.filter((r) => r.category !== category),
        ...(method ? [{ category, method: method as Settings['defaultMethod'] }] : []),
      ],
    });
  return (
    <section className="card" aria-label="Stock allocation">
      <h2>Stock allocation</h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <fieldset disabled={!canWrite}>
        <div className="grid">
          <div className="field">
            <label htmlFor="alloc-default">Default method</label>
            <select
              id="alloc-default"
              value={settings.defaultMethod}
              onChange={(e) => setSettings({ ...settings, defaultMethod: e.target.value as Settings['defaultMethod'] })}
            >
              {Object.entries(methods).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="near-expiry">Near expiry means within (days)</label>
            <input
              id="near-expiry"
              inputMode="numeric"
              value={settings.nearExpiryDays}
              onChange={(e) => setSettings({ ...settings, nearExpiryDays: Number(e.target.value || 0) })}
            />
          </div>
        </div>
        <h3>Per category</h3>
        <table className="plain">
          <tbody>
            {categories.map((c) => (
              <tr key={c}>
                <td>{c}</td>
                <td>
                  <select
                    aria-label={`Method for ${c}`}
                    value={ruleFor(c)}
                    onChange={(e) => setRule(c, e.target.value)}
                  >
                    <option value="">Company default</option>
                    {Object.entries(methods).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {canWrite && (
          <button className="primary" onClick={() => void save()}>
            Save allocation settings
          </button>
        )}
      </fieldset>
    </section>
  );
}
