/**
 * A one-time link (invitation, new password), shown once to the one who made it, to pass on — or, with mail on,
 * the word that it was sent to the address (the link is then never shown: only its owner's mailbox has it).
 */
export interface OneTimeLink {
  /** What was made, e.g. "Inbjudan till a@b.se är skapad." */
  readonly text: string;
  /** The whole address to pass on; absent when it was sent by e-mail. */
  readonly link?: string;
}

export function LinkNotice(props: OneTimeLink) {
  if (!props.link) {
    return (
      <div class="notice" role="status">
        <p>{props.text}</p>
        <p>Skickat: länken har skickats med e-post till adressen. Under E-post ser kansliet om meddelandet har kommit fram till e-postservern.</p>
      </div>
    );
  }
  return (
    <div class="notice" role="status">
      <p>{props.text}</p>
      <p>Samordna skickar ingen e-post: kopiera länken och skicka den till personen själv. Länken visas bara nu.</p>
      <p class="secret-link">{props.link}</p>
    </div>
  );
}
