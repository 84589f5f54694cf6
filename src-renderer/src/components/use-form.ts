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
  /** A check made while typing (an amount that is not one): blocks saving until the field is fixed. */
  setError(path: string, message: string | null): void;
  /** Forgets the API's errors at, above and under a path, for state kept outside the form (a scheme's slabs). */
  clearErrors(path: string): void;
  formError: string;
  saving: boolean;
  submit<R>(save: (values: T) => Promise<R>): Promise<R | undefined>;
}

/**
 * Form state plus the API's field-level errors: each error lands under the field it names,
 * and the first one gets the focus so the clerk can fix it without the mouse.
 */
// An error at "rule" is about everything under it, and one at "rule.slabs.0.minValue" is part of "rule".
const related = (key: string, path: string) => key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`);
const without = (errors: Record<string, string>, path: string) => {
  const kept = Object.entries(errors).filter(([key]) => !related(key, path));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
};

/**
 * Form state plus the API's field-level errors: each error lands under the field it names,
 * and the first one gets the focus so the clerk can fix it without the mouse. Editing a field
 * clears its errors. Only the form's own checks block saving: the API's answer is never a
 * reason not to ask it again, so a failed save can always be retried.
 */
export function useForm<T extends object>(initial: T): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [server, setServer] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);

  const clearErrors = useCallback((path: string) => {
    setServer((e) => without(e, path));
    setFormError('');
  }, []);
  const set = useCallback(
    (path: string, value: unknown) => {
      setValues((v) => setPath(v, path, value));
      setLocal((e) => without(e, path));
      clearErrors(path);
    },
    [clearErrors],
  );

  const setError = useCallback((path: string, message: string | null) => {
    setServer((e) => without(e, path));
    setLocal((e) => {
      if (message === null) return without(e, path);
      return { ...e, [path]: message };
    });
  }, []);

  async function submit<R>(save: (values: T) => Promise<R>): Promise<R | undefined> {
    const localErrors = Object.keys(local);
    if (localErrors.length) {
      focusField(localErrors[0]!);
      return undefined;
    }
    setSaving(true);
    setFormError('');
    setServer({});
    try {
      return await save(values);
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((i) => i.field)) {
        const next: Record<string, string> = {};
        for (const issue of error.issues) if (issue.field && !next[issue.field]) next[issue.field] = issue.message;
        setServer(next);
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
      setLocal({});
      setServer({});
      setFormError('');
    },
    errors: { ...server, ...local },
    setError,
    clearErrors,
    formError,
    saving,
    submit,
  };
}

export function focusField(path: string): void {
  const el = document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  el?.focus();
}
