/** The posting forms of a rendered page, read from its HTML, with plausible values: for tests that send every form. */

export interface Field {
  readonly name: string;
  readonly kind: 'text' | 'fixed';
  readonly value: string;
}

export const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1];
export const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A value a person would type into a field of this name and type, so that the rest of the form passes. */
export function plausible(name: string, type: string): string {
  if (type === 'date' || /(date|datum|On$|^from$|^to$|start|slut|end|opens|closes|adopted|decided)/i.test(name)) return '2025-03-14';
  if (type === 'email' || /e-?post|email/i.test(name)) return 'person@exempel.se';
  if (type === 'number' || /(amount|kronor|belopp|income|cost|intakt|kostnad|allocation|granted|fte|population|befolkning|sort|order|capacity|kapacitet|month|manad|year|^ar$|count|antal|score|sessions|hours|timmar|age|alder|percent|procent|share|andel|cap|floor|size)/i.test(name)) return '1';
  return 'Provtext';
}

/** The fields of a form: text inputs and text areas can take the number; the rest keep or get a value. */
export function fieldsOf(form: string): Field[] | null {
  if (/type="file"/i.test(form)) return null; // uploads are covered by the importers' own tests
  const fields: Field[] = [];
  for (const tag of form.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    const value = unescape(attr(tag, 'value') ?? '');
    if (type === 'hidden' || type === 'submit') fields.push({ name, kind: 'fixed', value });
    else if (type === 'checkbox' || type === 'radio') {
      if (/\bchecked\b/i.test(tag) || !fields.some((f) => f.name === name)) fields.push({ name, kind: 'fixed', value: value || 'on' });
    } else if (type === 'password') fields.push({ name, kind: 'fixed', value: 'korrekt-häst-batteri-häftapparat' });
    else if (['text', 'search', 'url', 'tel'].includes(type) && !/(amount|kronor|belopp|year|^ar$|month|date|datum)/i.test(name)) fields.push({ name, kind: 'text', value: value || plausible(name, type) });
    else fields.push({ name, kind: 'fixed', value: value || plausible(name, type) });
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const name = attr(m[1]!, 'name');
    if (name) fields.push({ name, kind: 'text', value: unescape(m[2]!) || 'Provtext' });
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attr(m[1]!, 'name');
    if (!name) continue;
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/gi)].map((o) => ({ value: unescape(attr(o[1]!, 'value') ?? ''), selected: /\bselected\b/i.test(o[1]!) }));
    const chosen = options.find((o) => o.selected && o.value) ?? options.find((o) => o.value);
    if (chosen) fields.push({ name, kind: 'fixed', value: chosen.value });
  }
  return fields;
}
