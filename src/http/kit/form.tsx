import type { Child } from 'hono/jsx';
import { getContext } from 'hono/context-storage';
import type { AppEnv } from '../context.ts';
import { csrfField } from '../security/csrfField.tsx';
import { InputError, type InputProblem } from '../../core/errors.ts';

/**
 * Forms for every page: a label on every input, hints and errors tied to the input with aria-describedby,
 * an error summary that links to the fields. All Swedish. Forms post to page routes and work without JavaScript.
 */

/** Field errors by field name, in Swedish. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The id an input gets for a field name (and its form's idSuffix, if any); error summaries link to it. */
export function fieldId(name: string, idSuffix?: string): string {
  return `f-${(idSuffix ? `${name}-${idSuffix}` : name).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * A form. `idSuffix`: the suffix all of its fields carry (fields named like another form's on the same page),
 * so that the error summary of a refused post links to this form's fields.
 */
export function Form(props: { action: string; method?: 'post' | 'get'; class?: string; label?: string; enctype?: 'multipart/form-data'; idSuffix?: string; children?: Child }) {
  const method = props.method ?? 'post';
  const posted = method === 'post' ? postedFormFor(props.action) : null;
  return (
    <form method={method} action={props.action} class={props.class} aria-label={props.label} enctype={props.enctype}>
      {method === 'post' ? <FormSecurityFields /> : null}
      {method === 'post' ? <input type="hidden" name={pageFieldName} value={currentPage()} /> : null}
      {posted ? <ErrorSummary errors={posted.errors} general={posted.general} idSuffix={props.idSuffix} /> : null}
      {props.children}
    </form>
  );
}

/**
 * A form that came back with errors. When a page route's write throws InputError, the app renders the page the
 * form was on again (its path travels in the hidden field `_page`) with what the user posted and the errors by
 * field (app.tsx, onError), so nothing typed is lost and each message sits beside its field.
 */
export interface PostedForm {
  /** The path the form posted to: only the form with this action shows the values and errors. */
  readonly action: string;
  readonly values: Readonly<Record<string, string | readonly string[]>>;
  readonly errors: FieldErrors;
  readonly general: readonly string[];
}

/** The hidden field naming the page a form is on (path and query), for showing it again with errors. */
export const pageFieldName = '_page';

/** Fields whose value is never shown again (passwords): a refused form comes back with them empty. */
export const secretFieldNames: ReadonlySet<string> = new Set(['password', 'current', 'repeat']);

/**
 * A refusal that is not a plain 400 (a failed login 401, too many attempts 429): the form comes back the same
 * way, with this status and these headers.
 */
export class RefusedForm extends InputError {
  constructor(
    problems: InputProblem | readonly InputProblem[],
    readonly status: 400 | 401 | 403 | 409 | 429,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problems);
  }
}

function currentPage(): string {
  try {
    const url = new URL(getContext<AppEnv>().req.url);
    return url.pathname + url.search;
  } catch {
    return '';
  }
}

/** The posted form for this action when the page is rendered again after an error, else null. */
export function postedFormFor(action: string): PostedForm | null {
  try {
    const env = getContext<AppEnv>().env as { postedForm?: PostedForm } | undefined;
    const p = env?.postedForm;
    return p && p.action === action ? p : null;
  } catch {
    return null;
  }
}

/**
 * Values and errors for the fields of one form: what the user posted (after an error) or the defaults (a
 * record's current values, or nothing for a new one). `bind(name)` gives a field's name, value and error.
 */
export function formState(action: string, defaults: Readonly<Record<string, string | number | null | undefined>> = {}) {
  const posted = postedFormFor(action);
  const value = (name: string): string => {
    if (posted) {
      const v = posted.values[name];
      return Array.isArray(v) ? (v[0] ?? '') : ((v as string | undefined) ?? '');
    }
    const d = defaults[name];
    return d == null ? '' : String(d);
  };
  return {
    posted: posted !== null,
    value,
    /** Every value posted under a repeated name (check boxes), or null when not posted again. */
    values: (name: string): readonly string[] | null => {
      if (!posted) return null;
      const v = posted.values[name] ?? posted.values[`${name}[]`];
      return v === undefined ? [] : Array.isArray(v) ? v : [v as string];
    },
    error: (name: string): string | undefined => posted?.errors[name],
    bind: (name: string) => ({ name, value: value(name), error: posted?.errors[name] }),
  };
}

/**
 * CSRF: the one place where every POST form built with <Form> gets its hidden token input. The request comes
 * from hono's context storage (set up in app.tsx), so page components need not pass it down.
 */
export function FormSecurityFields() {
  return csrfField(getContext<AppEnv>());
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly value?: string | number | null;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  /** Distinguishes repeated fields of the same name (one per table row). */
  readonly idSuffix?: string;
}

function describedBy(id: string, props: { readonly hint?: string; readonly error?: string | undefined }): string | undefined {
  const ids = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError(props: { id: string; hint?: string; error?: string | undefined }) {
  return (
    <>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">Fel: </span>
          {props.error}
        </span>
      ) : null}
    </>
  );
}

/** A field's label (a star when required), then its hint and error, tied to the input by id. */
function LabelWithHint(props: { id: string; label: string; required?: boolean; hint?: string; error?: string | undefined }) {
  return (
    <>
      <label for={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
    </>
  );
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'date' | 'number' | 'email'; inputmode?: 'numeric' | 'decimal' | 'text'; autocomplete?: string; size?: number; list?: string },
) {
  const id = fieldId(props.name, props.idSuffix);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <LabelWithHint id={id} {...props} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        value={props.value == null ? '' : String(props.value)}
        required={props.required}
        size={props.size}
        list={props.list}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </div>
  );
}

/** A password: never given a value, so nothing typed is ever sent back (see secretFieldNames). */
export function PasswordField(props: Omit<FieldProps, 'value'> & { autocomplete: 'current-password' | 'new-password'; minlength?: number }) {
  const id = fieldId(props.name, props.idSuffix);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <LabelWithHint id={id} {...props} />
      <input
        id={id}
        name={props.name}
        type="password"
        autocomplete={props.autocomplete}
        required={props.required}
        minlength={props.minlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </div>
  );
}

/** A file to upload (the form needs enctype="multipart/form-data"). */
export function FileField(props: FieldProps & { accept?: string }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <input id={id} name={props.name} type="file" accept={props.accept} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props)} />
    </div>
  );
}

/** An amount in kronor, entered the Swedish way ("1 250 000" or "1250000,50"). */
export function AmountField(props: FieldProps) {
  return <TextField {...props} inputmode="decimal" hint={props.hint ?? 'Kronor, t.ex. 1 250 000'} size={14} />;
}

/**
 * A choice from a list. Nothing is chosen silently: unless the current value is one of the options, the list
 * starts at "– välj –" (`placeholder`), and a required choice left there is refused by the server.
 */
export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  const id = fieldId(props.name, props.idSuffix);
  const selected = props.value == null ? '' : String(props.value);
  const needsPlaceholder = props.placeholder !== undefined || !props.options.some((o) => o.value === selected);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select id={id} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props)}>
        {needsPlaceholder && !props.options.some((o) => o.value === '') ? <option value="">{props.placeholder ?? '– välj –'}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number }) {
  const id = fieldId(props.name, props.idSuffix);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <textarea id={id} name={props.name} rows={props.rows ?? 3} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props)}>
        {props.value == null ? '' : String(props.value)}
      </textarea>
    </div>
  );
}

/** One check box with its label beside it (the label is clickable; an error or hint sits under it). */
export function CheckboxField(props: {
  name: string;
  label: Child;
  checked: boolean;
  value?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  id?: string;
}) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'checkbox has-error' : 'checkbox'}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'on'}
        checked={props.checked}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
      <label for={id}>{props.label}</label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/**
 * Check boxes under one legend, all posting under `name` (e.g. "interventionIds[]"): the chosen values come
 * back as a list. `chosen` is what was posted (after an error) or the record's current choice.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: readonly { value: string; label: Child }[];
  chosen: readonly string[];
  idPrefix?: string;
  error?: string | undefined;
  hint?: string;
  empty?: Child;
}) {
  const prefix = props.idPrefix ?? fieldId(props.name.replace(/\[\]$/, ''));
  return (
    <fieldset class={props.error ? 'has-error' : undefined}>
      <legend>{props.legend}</legend>
      <HintAndError id={prefix} hint={props.hint} error={props.error} />
      {props.options.length ? (
        <div class="checkbox-list">
          {props.options.map((o) => (
            <CheckboxField id={`${prefix}-${o.value}`} name={props.name} value={o.value} label={o.label} checked={props.chosen.includes(o.value)} />
          ))}
        </div>
      ) : (
        (props.empty ?? null)
      )}
    </fieldset>
  );
}

/**
 * Lists every error at the top of the form with a link to its field; announced when the page loads. `idSuffix`:
 * the suffix the form's fields carry (see the fields' idSuffix).
 */
export function ErrorSummary(props: { errors: FieldErrors | undefined; general?: readonly string[]; idSuffix?: string | undefined }) {
  const entries = Object.entries(props.errors ?? {});
  const general = props.general ?? [];
  if (!entries.length && !general.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">Det finns fel i formuläret</h2>
      <ul>
        {general.map((m) => (
          <li>{m}</li>
        ))}
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name, props.idSuffix)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A confirmation after a successful post-redirect-get ("Sparat."), announced politely. */
export function Notice(props: { message: string | null | undefined }) {
  if (!props.message) return null;
  return (
    <p class="notice" role="status">
      {props.message}
    </p>
  );
}

export function SubmitButton(props: { label: string; name?: string; value?: string }) {
  return (
    <button type="submit" name={props.name} value={props.value}>
      {props.label}
    </button>
  );
}

/**
 * One action on a row of a table: a one-button post form ("Godkänn", "Ta bort"), named for screen readers by
 * `accessibleName` ("Godkänn rollen för anna@example.se"), with the hidden values the action needs.
 */
export function RowAction(props: { action: string; label: string; accessibleName: string; hidden?: Readonly<Record<string, string>> }) {
  return (
    <form method="post" action={props.action} class="inline">
      <FormSecurityFields />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-label={props.accessibleName}>
        {props.label}
      </button>
    </form>
  );
}
