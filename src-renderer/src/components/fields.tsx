import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatMoney, parseMoney } from '../../../src-shared/money';
import type { Form } from './use-form';

interface FieldProps<T> {
  form: Form<T>;
  path: string;
  label: string;
  hint?: string;
  width?: 'narrow' | 'wide';
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
  width,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  width?: string;
}) {
  return (
    <div className={`field ${width ?? ''} ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint">{hint}</div>
      ) : null}
    </div>
  );
}

export function TextField<T>({
  form,
  path,
  label,
  hint,
  width,
  upper,
  autoFocus,
  type = 'text',
}: FieldProps<T> & { upper?: boolean; autoFocus?: boolean; type?: string }) {
  const id = useId();
  const error = form.errors[path];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} width={width}>
      <input
        id={id}
        name={path}
        type={type}
        autoFocus={autoFocus}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        value={String(form.get(path) ?? '')}
        onChange={(e) => form.set(path, upper ? e.target.value.toUpperCase() : e.target.value)}
      />
    </FieldFrame>
  );
}

export function IntField<T>({ form, path, label, hint, width, nullable }: FieldProps<T> & { nullable?: boolean }) {
  const id = useId();
  const error = form.errors[path];
  const value = form.get(path);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} width={width}>
      <input
        id={id}
        name={path}
        inputMode="numeric"
        aria-invalid={Boolean(error)}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const text = e.target.value.trim();
          form.set(path, text === '' ? (nullable ? null : 0) : /^-?\d+$/.test(text) ? Number(text) : text);
        }}
      />
    </FieldFrame>
  );
}

/** Shows and accepts rupees ("1,50,000.00"); the form holds paise. */
export function MoneyField<T>({ form, path, label, hint, width }: FieldProps<T>) {
  const id = useId();
  const paise = form.get(path) as number | undefined;
  const [text, setText] = useState(() => formatMoney(paise ?? 0, { symbol: false }));
  useEffect(() => {
    if (parseMoney(text) !== paise) setText(formatMoney(paise ?? 0, { symbol: false }));
    // Only an outside change of the value (a reset) should rewrite what the clerk is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paise]);
  const error = form.errors[path];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} width={width}>
      <input
        id={id}
        name={path}
        className="num"
        inputMode="decimal"
        aria-invalid={Boolean(error)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseMoney(e.target.value === '' ? '0' : e.target.value);
          if (parsed === null) form.setError(path, 'Enter an amount in rupees, like 1,500.00');
          else form.set(path, parsed);
        }}
        onBlur={() => {
          const parsed = parseMoney(text === '' ? '0' : text);
          if (parsed !== null) setText(formatMoney(parsed, { symbol: false }));
        }}
      />
    </FieldFrame>
  );
}

export function SelectField<T>({
  form,
  path,
  label,
  hint,
  width,
  options,
  allowEmpty,
  numeric,
  emptyIsNull,
}: FieldProps<T> & {
  options: { value: string; label: string }[];
  allowEmpty?: string;
  numeric?: boolean;
  emptyIsNull?: boolean;
}) {
  const id = useId();
  const error = form.errors[path];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} width={width}>
      <select
        id={id}
        name={path}
        aria-invalid={Boolean(error)}
        value={String(form.get(path) ?? '')}
        onChange={(e) =>
          form.set(
            path,
            emptyIsNull && e.target.value === '' ? null : numeric ? Number(e.target.value) : e.target.value,
          )
        }
      >
        {allowEmpty !== undefined && <option value="">{allowEmpty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckField<T>({ form, path, label }: FieldProps<T>) {
  const id = useId();
  return (
    <div className="field check">
      <input
        id={id}
        name={path}
        type="checkbox"
        checked={Boolean(form.get(path))}
        onChange={(e) => form.set(path, e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
