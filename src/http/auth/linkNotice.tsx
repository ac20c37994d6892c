/** A one-time link (invitation, new password), shown once to the one who made it, to pass on (Samordna sends no e-mail). */
export interface OneTimeLink {
  /** What was made, e.g. "Inbjudan till a@b.se är skapad." */
  readonly text: string;
  /** The whole address to pass on. */
  readonly link: string;
}

export function LinkNotice(props: OneTimeLink) {
  return (
    <div class="notice" role="status">
      <p>{props.text}</p>
      <p>Samordna skickar ingen e-post: kopiera länken och skicka den till personen själv. Länken visas bara nu.</p>
      <p class="secret-link">{props.link}</p>
    </div>
  );
}
