/** A screen's tabs: one is current, a click (or Enter on the focused tab) selects another. */
export function Tabs<T extends string>({
  tabs,
  current,
  onSelect,
}: {
  /** [key, label], and anything after them the screen keeps for itself */
  tabs: readonly (readonly [NoInfer<T>, string, ...unknown[]])[];
  current: T;
  onSelect(tab: NoInfer<T>): void;
}) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map(([key, label]) => (
        <button
          key={key || 'all'}
          role="tab"
          aria-selected={current === key}
          className={current === key ? 'current' : ''}
          onClick={() => onSelect(key)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
