import { useCallback, useMemo, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { problemsByField } from '../api/problem-paths.ts';
import type { FieldError } from './forms.tsx';
import { validate, type Check, type Values } from './validators.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

/**
 * Form state as a flat map of field keys (`items.0.code9`) to strings: the same keys the server's problem paths map
 * to. A field is checked as soon as it has been edited; all fields are checked on submit; a server problem stays
 * next to its field until that field is edited again.
 */
/** A field's label: a catalogue key, or built from several (a quantity's label names the unit in the page's language). */
export type FieldLabel = MessageKey | ((t: (key: MessageKey, vars?: Record<string, string | number>) => string) => string);

export function useForm(initial: Values, rules: Readonly<Record<string, Check>>, labels: Readonly<Record<string, FieldLabel>>) {
  const { t } = useI18n();
  const labelOf = (key: string): string | undefined => {
    const l = labels[key];
    return l === undefined ? undefined : typeof l === 'function' ? l(t) : t(l);
  };
  const [values, setValues] = useState<Values>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Map<string, { code: string; message: string }[]>>(new Map());

  const set = useCallback((key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
    setServer((m) => {
      if (!m.has(key)) return m;
      const n = new Map(m);
      n.delete(key);
      return n;
    });
  }, []);

  /** Changes values the user did not edit (a form rearranging itself): no field counts as touched. */
  const patch = useCallback((changes: Readonly<Record<string, string>>) => setValues((v) => ({ ...v, ...changes })), []);

  const client = useMemo(() => validate(values, rules), [values, rules]);

  const errorOf = (key: string): FieldError | undefined => {
    const s = server.get(key)?.[0];
    if (s) return { code: s.code, message: s.message };
    const c = client.get(key);
    return c && (submitted || touched.has(key)) ? { message: t(c) } : undefined;
  };

  const summary = (): { key: string; label: string; error: FieldError }[] => {
    const keys = new Set([...(submitted ? client.keys() : []), ...server.keys()]);
    const out: { key: string; label: string; error: FieldError }[] = [];
    for (const key of keys) {
      const error = errorOf(key);
      if (error) out.push({ key, label: labelOf(key) ?? (key || t('form.wholeForm')), error });
    }
    return out;
  };

  /** Marks the form submitted; returns true when the browser-side checks pass. */
  const trySubmit = (): boolean => {
    setSubmitted(true);
    setServer(new Map());
    return client.size === 0;
  };

  const showServerErrors = (e: ApiError) => {
    const known = new Set([...Object.keys(rules), ...Object.keys(labels)]);
    const byField = problemsByField(e.problems.length > 0 ? e.problems : [{ path: '$', code: e.code, message: e.message }], known);
    setServer(byField);
  };

  return { values, set, patch, errorOf, summary, trySubmit, showServerErrors, field: (key: string) => ({ name: key, label: labelOf(key) ?? key, value: values[key] ?? '', error: errorOf(key), onValue: (v: string) => set(key, v) }) };
}
