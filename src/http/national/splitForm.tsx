import { Form, SelectField, SubmitButton, TextField } from '../kit/form.tsx';

/** How many parts the split form offers (empty rows are ignored; at least two are needed). */
export const splitPartRows = 3;

/**
 * What-if: split one förbund into parts, each with its own population 16–64 and försörjningsmått. A GET form
 * (nothing is saved): the page shows the allocation before and after.
 */
export function SplitForm(props: {
  year: number;
  federations: readonly { id: number; name: string }[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}) {
  const { values: v, errors: e } = props;
  return (
    <Form action="/nationell/fordelning" method="get" label="Dela ett förbund">
      <input type="hidden" name="ar" value={String(props.year)} />
      <SelectField name="dela" label="Förbund som delas" value={v.dela ?? ''} placeholder="Välj förbund" options={props.federations.map((f) => ({ value: String(f.id), label: f.name }))} error={e.dela} />
      {Array.from({ length: splitPartRows }, (_, k) => k + 1).map((k) => (
        <fieldset>
          <legend>Del {k}{k > 2 ? ' (valfri)' : ''}</legend>
          <TextField name={`del${k}namn`} label="Namn" value={v[`del${k}namn`] ?? ''} error={e[`del${k}namn`]} />
          <TextField name={`del${k}befolkning`} label="Befolkning 16–64 år" inputmode="numeric" value={v[`del${k}befolkning`] ?? ''} error={e[`del${k}befolkning`]} />
          <TextField name={`del${k}matt`} label="Försörjningsmått" inputmode="decimal" value={v[`del${k}matt`] ?? ''} error={e[`del${k}matt`]} hint="Högst två decimaler." />
        </fieldset>
      ))}
      <SubmitButton label="Visa före och efter delningen" />
    </Form>
  );
}
