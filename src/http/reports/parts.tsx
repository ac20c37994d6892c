/** Pieces the report pages share: a document download form, an inline remove button, the board's choices. */
import type { Child } from 'hono/jsx';
import { Form, SelectField, SubmitButton } from '../kit/form.tsx';

/** A GET form that downloads one of the documents (PDF or DOCX); `children` are its own fields. */
export function DownloadForm(props: { action: string; label: string; children?: Child }) {
  return (
    <Form action={props.action} method="get" label={props.label}>
      <div class="form-row">
        {props.children}
        <SelectField name="format" label="Format" options={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'Word (DOCX)' }]} value="pdf" idSuffix={props.action.split('/').pop()} />
        <SubmitButton label={props.label} />
      </div>
    </Form>
  );
}

/** A one-button form that removes a row, named for screen readers ("Ta bort Anna Andersson"). */
export function RemoveButton(props: { action: string; label: string }) {
  return (
    <Form action={props.action} class="inline" label={`Ta bort ${props.label}`}>
      <button type="submit">
        Ta bort<span class="visually-hidden"> {props.label}</span>
      </button>
    </Form>
  );
}

export const seatOptions = [
  { value: 'ledamot', label: 'Ledamot' },
  { value: 'ersattare', label: 'Ersättare' },
] as const;

export const positionOptions = [
  { value: 'none', label: 'Ledamot' },
  { value: 'ordforande', label: 'Ordförande' },
  { value: 'vice_ordforande', label: 'Vice ordförande' },
] as const;

/** The member that appointed a ledamot, or none ("–"). */
export function memberOptions(members: readonly { id: number; name: string }[]): { value: string; label: string }[] {
  return [{ value: '', label: '–' }, ...members.map((m) => ({ value: String(m.id), label: m.name }))];
}
