import { useId } from 'react';
import { roleLabels, roles } from '../../../../src-shared/permissions';
import type { Form } from '../../components/use-form';
import { blankLevel, type LevelValues, type PolicyValues } from './policy-form';

export interface Approver {
  id: number;
  name: string;
}

/** A text input bound to a path of the policy form, its error (the API's or ours) right under it. */
function Input({
  form,
  path,
  label,
  hint,
  placeholder,
}: {
  form: Form<PolicyValues>;
  path: string;
  label: string;
  hint?: string;
  placeholder?: string;
}) {
  const id = useId();
  const error = form.errors[path];
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={path}
        placeholder={placeholder}
        aria-invalid={Boolean(error)}
        value={String(form.get(path) ?? '')}
        onChange={(e) => form.set(path, e.target.value)}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : (
        hint && <div className="field-hint">{hint}</div>
      )}
    </div>
  );
}
export { Input as PolicyInput };

/** The ordered levels: who approves at each, how many must, and when it escalates. */
export function PolicyLevelsEditor({ form, approvers }: { form: Form<PolicyValues>; approvers: Approver[] }) {
  const levels = form.values.levels;
  const setLevels = (next: LevelValues[]) => {
    form.set('levels', next);
    form.clearErrors('levels');
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...levels];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setLevels(next);
  };
  const levelsError = form.errors.levels;
  return (
    <fieldset className="policy-levels" aria-label="Levels">
      <legend>
        Levels{' '}
        <span className="muted">
          {form.values.mode === 'sequence'
            ? '(one after another, from the top)'
            : '(all at once; every level must approve)'}
        </span>
      </legend>
      {levelsError && (
        <div className="field-error" role="alert">
          {levelsError}
        </div>
      )}
      {levels.map((l, i) => (
        <div key={i} className="policy-level card" role="group" aria-label={`Level ${i + 1}`}>
          <div className="policy-level-head">
            <strong>Level {i + 1}</strong>
            <button type="button" className="link" disabled={i === 0} onClick={() => move(i, -1)}>
              Move up
            </button>
            <button type="button" className="link" disabled={i === levels.length - 1} onClick={() => move(i, 1)}>
              Move down
            </button>
            <button
              type="button"
              className="link"
              disabled={levels.length === 1}
              onClick={() => setLevels(levels.filter((_, j) => j !== i))}
            >
              Remove level {i + 1}
            </button>
          </div>
          <div className="grid">
            <LevelSelect
              form={form}
              path={`levels.${i}.role`}
              label="Who approves"
              options={[
                ...roles.map((r) => ({ value: r, label: `Any ${roleLabels[r].toLowerCase()}` })),
                { value: '', label: 'Only the users named below' },
              ]}
            />
            <Input
              form={form}
              path={`levels.${i}.minApprovers`}
              label="How many must approve"
              hint={l.minApprovers !== '1' ? 'different people' : undefined}
            />
            <Input
              form={form}
              path={`levels.${i}.escalateAfterHours`}
              label="Escalate after (business hours)"
              placeholder="never"
            />
            <LevelSelect
              form={form}
              path={`levels.${i}.escalateToUserId`}
              label="Escalate to"
              options={[
                { value: '', label: i === levels.length - 1 ? 'Remind only' : 'The next level' },
                ...approvers.map((a) => ({ value: String(a.id), label: a.name })),
              ]}
            />
          </div>
          {l.role === '' && (
            <div className="checks" role="group" aria-label={`Named approvers of level ${i + 1}`}>
              {approvers.map((a) => (
                <label key={a.id} className="check">
                  <input
                    type="checkbox"
                    name={`levels.${i}.userIds`}
                    checked={l.userIds.includes(a.id)}
                    onChange={(e) =>
                      form.set(
                        `levels.${i}.userIds`,
                        e.target.checked ? [...l.userIds, a.id] : l.userIds.filter((u) => u !== a.id),
                      )
                    }
                  />
                  {a.name}
                </label>
              ))}
            </div>
          )}
        </div>
      ))}
      {levels.length < 5 && (
        <button type="button" onClick={() => setLevels([...levels, blankLevel('admin')])}>
          Add a level
        </button>
      )}
    </fieldset>
  );
}

function LevelSelect({
  form,
  path,
  label,
  options,
}: {
  form: Form<PolicyValues>;
  path: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const error = form.errors[path];
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={path}
        aria-invalid={Boolean(error)}
        value={String(form.get(path) ?? '')}
        onChange={(e) => form.set(path, e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
