import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { fieldId } from '../api/problem-paths.ts';
import { useI18n } from '../i18n/index.tsx';

export interface FieldError {
  readonly code?: string;
  readonly message: string;
}

/** GOV.UK pattern: a summary at the top that takes focus and links to each field with a problem. */
export function ErrorSummary({ errors }: { errors: readonly { key: string; label: string; error: FieldError }[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.key}-${i}`}>
            <a
              href={`#${fieldId(e.key)}`}
              onClick={(ev) => {
                const el = document.getElementById(fieldId(e.key));
                if (el) {
                  ev.preventDefault();
                  el.focus();
                  el.scrollIntoView({ block: 'center' });
                }
              }}
            >
              {e.label}: {e.error.message}
              {e.error.code ? <code className="code"> {e.error.code}</code> : null}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldShell {
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: FieldError | undefined;
}

function Shell({ name, label, hint, error, children }: FieldShell & { children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} data-code={error.code}>
          <span className="visually-hidden">Error: </span>
          {error.message}
          {error.code ? <code className="code"> {error.code}</code> : null}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (name: string, f: FieldShell): string | undefined =>
  [f.hint ? `${fieldId(name)}-hint` : '', f.error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> & { onValue: (v: string) => void }) {
  const { name, label, hint, error, onValue, ...input } = props;
  return (
    <Shell name={name} label={label} hint={hint} error={error}>
      <input
        {...input}
        id={fieldId(name)}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, props)}
        onChange={(e) => onValue(e.target.value)}
      />
    </Shell>
  );
}

export function SelectField(
  props: FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & { options: readonly { value: string; label: string }[]; onValue: (v: string) => void },
) {
  const { name, label, hint, error, onValue, options, ...select } = props;
  return (
    <Shell name={name} label={label} hint={hint} error={error}>
      <select {...select} id={fieldId(name)} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, props)} onChange={(e) => onValue(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function ApiErrorBanner({ error }: { error: { code: string; message: string } | null }) {
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <strong>{error.message}</strong> <code className="code">{error.code}</code>
    </div>
  );
}
