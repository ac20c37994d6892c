/** Pieces the report pages share: a document download form, the board's choices. */
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
