import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string, unknown>;
  base[head!] = rest.length ? setPath(base[head!] ?? {}, rest.join('.'), value) : value;
  return base as T;
}

export interface Form<T> {
  values: T;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  reset(values: T): void;
  errors: Record<string, string>;
  setError(path: string, message: string | null): void;
  formError: string;
  saving: boolean;
  submit<R>(save: (values: T) => Promise<R>): Promise<R | undefined>;
}

/**
 * Form state plus the API's field-level errors: each error lands under the field it names,
 * and the first one gets the focus so the clerk can fix it without the mouse.
 */
export function useForm<T extends object>(initial: T): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const set = useCallback((path: string, value: unknown) => {
    setValues((v) => setPath(v, path, value));
    setErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  const setError = useCallback((path: string, message: string | null) => {
    setErrors((e) => {
      if (message === null) {
        const { [path]: _removed, ...rest } = e;
        return rest;
      }
      return { ...e, [path]: message };
    });
  }, []);

  async function submit<R>(save: (values: T) => Promise<R>): Promise<R | undefined> {
    const localErrors = Object.keys(errors);
    if (localErrors.length) {
      focusField(localErrors[0]!);
      return undefined;
    }
    setSaving(true);
    setFormError('');
    try {
      return await save(values);
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((i) => i.field)) {
        const next: Record<string, string> = {};
        for (const issue of error.issues) if (issue.field && !next[issue.field]) next[issue.field] = issue.message;
        setErrors(next);
        const first = error.issues[0]!.field;
        setFormError(document.querySelector(`[name="${CSS.escape(first)}"]`) ? '' : error.message);
        setTimeout(() => focusField(first), 0);
      } else {
        setFormError((error as Error).message);
      }
      return undefined;
    } finally {
      setSaving(false);
    }
  }

  return {
    values,
    get: (path) => getPath(values, path),
    set,
    reset: (v) => {
      setValues(v);
      setErrors({});
      setFormError('');
    },
    errors,
    setError,
    formError,
    saving,
    submit,
  };
}

export function focusField(path: string): void {
  const el = document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  el?.focus();
}
