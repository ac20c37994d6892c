/** The second step of a sign-in (a code, or enrolment first), the enrolment in "Mitt konto" and the recovery codes shown once. */
import type { HtmlEscapedString } from 'hono/utils/html';
import { Layout } from '../kit/layout.tsx';
import { Form, SubmitButton, TextField, formState } from '../kit/form.tsx';

export interface CodePageModel {
  /** The e-mail address signing in (the person typed it, or the provider vouched for it). */
  readonly email: string;
}

/** After a right password: the code from the authenticator app, or a recovery code. */
export function CodePage(props: { model: CodePageModel }) {
  const s = formState('/login/code');
  return (
    <Layout title="Tvåstegsverifiering">
      <h1>Tvåstegsverifiering</h1>
      <p>
        Lösenordet för {props.model.email} stämmer. Skriv koden som autentiseringsappen visar nu (sex siffror), eller en av dina
        reservkoder.
      </p>
      <Form action="/login/code" label="Tvåstegsverifiering">
        <TextField name="code" label="Kod" autocomplete="one-time-code" inputmode="numeric" required error={s.error('code')} />
        <SubmitButton label="Logga in" />
      </Form>
      <p>
        <a href="/login">Avbryt och logga in igen</a>
      </p>
    </Layout>
  );
}

export interface EnrolPageModel {
  readonly email: string;
  /** Where the form posts: the sign-in's enrolment, or "Mitt konto". */
  readonly action: '/login/enrol' | '/account/mfa';
  /** The QR code of the otpauth:// URI (inline SVG). */
  readonly qr: HtmlEscapedString | Promise<HtmlEscapedString>;
  /** The secret in groups of four, for typing into an app by hand. */
  readonly secret: string;
  readonly minutes: number;
  /** The policy asks for it: the sign-in cannot go on without. */
  readonly required: boolean;
}

export function EnrolPage(props: { model: EnrolPageModel }) {
  const m = props.model;
  const s = formState(m.action);
  return (
    <Layout title="Lägg till tvåstegsverifiering">
      <h1>Lägg till tvåstegsverifiering</h1>
      {m.required ? (
        <p class="warning">Ditt konto har en roll som kräver tvåstegsverifiering. Lägg till den för att logga in.</p>
      ) : null}
      <ol>
        <li>Öppna en autentiseringsapp i telefonen (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP).</li>
        <li>Skanna QR-koden, eller skriv in nyckeln för hand.</li>
        <li>Skriv koden som appen visar. Gör det inom {m.minutes} minuter.</li>
      </ol>
      <figure>
        {m.qr}
        <figcaption>
          Nyckel för {m.email}: <code>{m.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </figcaption>
      </figure>
      <Form action={m.action} label="Bekräfta tvåstegsverifiering">
        <TextField name="code" label="Kod från appen" autocomplete="one-time-code" inputmode="numeric" required error={s.error('code')} />
        <SubmitButton label="Bekräfta" />
      </Form>
    </Layout>
  );
}

/** Ten recovery codes, shown this once. */
export function RecoveryCodesPage(props: { model: { readonly codes: readonly string[]; readonly next: string } }) {
  return (
    <Layout title="Reservkoder">
      <h1>Tvåstegsverifieringen är tillagd</h1>
      <p class="warning">
        Spara de här reservkoderna nu, till exempel utskrivna och inlåsta. De visas bara den här gången. Varje kod går att använda en
        gång i stället för koden från appen, om telefonen kommer bort.
      </p>
      <ol class="recovery-codes">
        {props.model.codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href={props.model.next}>
          Jag har sparat koderna – fortsätt
        </a>
      </p>
    </Layout>
  );
}
