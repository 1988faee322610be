/**
 * Accessible form controls: every control has a label, its hint and error are linked with
 * aria-describedby, and errors are text (never colour alone). Values come back after an error so
 * nothing typed is lost.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { LengthCounter, type LengthLimit } from './LengthCounter';

interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  requiredText?: string;
  hint?: ReactNode;
  error?: string;
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function LabelAndNotes({ name, label, required, requiredText, hint, error }: FieldProps) {
  return (
    <>
      <label htmlFor={name}>
        {label} {required && requiredText ? <span className="required">({requiredText})</span> : null}
      </label>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${name}-error`} className="field-error">{error}</p> : null}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    defaultValue?: string;
    type?: 'text' | 'email' | 'password' | 'datetime-local';
    autoComplete?: string;
    dir?: 'auto' | 'ltr';
    inputMode?: 'numeric';
    className?: string;
    lang?: string;
    /** Seconds the browser's date-time picker steps by (1 shows seconds). */
    step?: number;
    readOnly?: boolean;
  },
) {
  const { name, required, hint, error, defaultValue, type = 'text', autoComplete, dir, inputMode, className, step, lang, readOnly } = props;
  return (
    <div className="field">
      <LabelAndNotes {...props} />
      <input
        id={name}
        name={name}
        type={type}
        dir={dir}
        lang={lang}
        required={required}
        defaultValue={defaultValue}
        readOnly={readOnly}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={className}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string; long?: boolean; limit?: LengthLimit; lang?: string }) {
  const { name, required, hint, error, defaultValue, long, limit, lang } = props;
  return (
    <div className="field">
      <LabelAndNotes {...props} />
      <textarea
        id={name}
        name={name}
        lang={lang}
        dir="auto"
        required={required}
        defaultValue={defaultValue}
        className={long ? 'long' : undefined}
        // Read by the enhance script's live counter; words are counted by the form's chosen language.
        data-limit-unit={limit?.unit}
        data-limit-max={limit?.max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      {limit ? <LengthCounter fieldId={name} limit={limit} /> : null}
    </div>
  );
}

type Option = { value: string; label: string };

/** A drop-down list; long lists can come in labelled groups (`<optgroup>`). */
export function SelectField(
  props: FieldProps & { defaultValue?: string; placeholder?: string; options: Option[]; groups?: Array<{ label: string; options: Option[] }> },
) {
  const { name, required, hint, error, defaultValue, options, groups = [], placeholder } = props;
  return (
    <div className="field">
      <LabelAndNotes {...props} />
      <select
        id={name}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** A set of choices under one legend: checkboxes (several) or radio buttons (exactly one). */
export function ChoiceGroup(
  props: FieldProps & { kind: 'checkbox' | 'radio'; defaultValues?: string[]; options: Array<{ value: string; label: string }> },
) {
  const { name, label, hint, error, kind, defaultValues = [], options, required, requiredText } = props;
  return (
    <fieldset id={name} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} tabIndex={-1}>
      <legend>
        {label} {required && requiredText ? <span className="required">({requiredText})</span> : null}
      </legend>
      {hint ? <p id={`${name}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${name}-error`} className="field-error">{error}</p> : null}
      <div className={kind === 'checkbox' ? 'checkbox-grid' : 'radio-list'}>
        {options.map((o) => (
          <label key={o.value}>
            <input type={kind} name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One yes/no checkbox (a consent); its error sits right above it. */
export function Checkbox({ name, label, error, defaultChecked }: { name: string; label: string; error?: string; defaultChecked?: boolean }) {
  return (
    <div className="field checkbox-field">
      {error ? <p id={`${name}-error`} className="field-error">{error}</p> : null}
      <label>
        <input
          id={name}
          type="checkbox"
          name={name}
          value="yes"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
        />
        <span>{label}</span>
      </label>
    </div>
  );
}

/** One problem of a refused form: the id of its field (or fieldset), the field's label, what is wrong. */
export interface SummaryError {
  field: string;
  label: string;
  message: string;
}

/**
 * The problems of a refused form, each linking to its field. Focus moves to it when it appears, so
 * keyboard and screen reader users start from the list: without JavaScript the browser does this
 * (autofocus), on documents the enhance script does it on load (app/enhance/focus.ts), on the
 * staff application this effect and FocusAfterNavigation after each answer.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }): ReactNode {
  const summary = useRef<HTMLDivElement>(null);
  const shown = errors.map((e) => `${e.field}:${e.message}`).join('|');
  useEffect(() => summary.current?.focus(), [shown]);
  if (errors.length === 0) return null;
  return (
    <div ref={summary} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus data-takes-focus>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}><a href={`#${e.field}`}>{e.label}: {e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}
