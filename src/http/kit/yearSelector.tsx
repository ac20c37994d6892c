import { Form, SelectField } from './form.tsx';

/** Choose the year of a page: a GET form (works without JavaScript), the current year preselected. */
export function YearSelector(props: { action: string; years: readonly number[]; selected: number; label?: string }) {
  if (props.years.length < 2) return null;
  return (
    <Form action={props.action} method="get" class="year-selector" label="Välj år">
      <SelectField
        name="ar"
        label={props.label ?? 'År'}
        value={String(props.selected)}
        options={[...props.years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
      />
      <button type="submit">Visa</button>
    </Form>
  );
}
