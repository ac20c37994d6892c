/**
 * Removals, one mechanism for the whole UI (issue 28): nothing is removed by one click. A removal form holds a
 * required box "Ja, ta bort …" beside its button; the browser will not send it unticked (no script needed), and
 * the route refuses it unticked all the same (`confirmRemoval`), which shows the page again with the message
 * beside the box. A removal in a list row folds into a <details> "Ta bort" that opens on the box and button.
 * After the removal the route answers `redirectRemoved`: the page it leads to says what was removed, by name.
 */
import type { Context } from 'hono';
import { InputError } from '../../core/errors.ts';
import { redirectWithFlash } from './flash.tsx';
import { CheckboxField, fieldId, Form, postedFormFor } from './form.tsx';

/** The box that confirms a removal, and the value it sends when ticked. */
export const confirmFieldName = 'bekrafta';
const confirmValue = 'ja';

/** The suffix of a removal form's field ids: unique per action, so that a page with many removals has unique ids. */
const suffixOf = (action: string) => action.replace(/^\/f\/\d+\//, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * A removal form. `what` names the record in a sentence ("ledamoten Anna Andersson"); `note` says what else
 * goes with it; `hidden` carries the fields the route needs to find its way back (the year shown).
 */
export function RemoveForm(props: { action: string; what: string; note?: string; hidden?: Readonly<Record<string, string>> }) {
  const suffix = suffixOf(props.action);
  const error = postedFormFor(props.action)?.errors[confirmFieldName];
  return (
    <Form action={props.action} class="remove-form" label={`Ta bort ${props.what}`} idSuffix={suffix}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.note ? <p>{props.note}</p> : null}
      <CheckboxField name={confirmFieldName} value={confirmValue} id={fieldId(confirmFieldName, suffix)} label={`Ja, ta bort ${props.what}`} checked={false} required error={error} />
      <button type="submit">
        Ta bort<span class="visually-hidden"> {props.what}</span>
      </button>
    </Form>
  );
}

/** A removal in a list row: "Ta bort" opens the form (open again when its confirmation was missing). */
export function RemoveInRow(props: { action: string; what: string; note?: string; hidden?: Readonly<Record<string, string>> }) {
  const refused = !!postedFormFor(props.action);
  return (
    <details class="remove-row" open={refused}>
      <summary>
        <span class="when-closed">
          Ta bort<span class="visually-hidden"> {props.what}</span>
        </span>
        <span class="when-open">Ångra</span>
      </summary>
      <RemoveForm {...props} />
    </details>
  );
}

/** Refuses a removal whose box was not ticked (the browser sends none when it is not). */
export function confirmRemoval(form: Readonly<Record<string, unknown>>, what: string): void {
  if (form[confirmFieldName] !== confirmValue) {
    throw new InputError({ field: confirmFieldName, message: `Kryssa i rutan för att bekräfta att du vill ta bort ${what}. Ingenting är borttaget.` });
  }
}

/** After a removal: 303 to `url`, where the page says "Du har tagit bort <what>." */
export function redirectRemoved(c: Context<any>, url: string, what: string): Response {
  return redirectWithFlash(c, url, 'removed-named', what);
}
