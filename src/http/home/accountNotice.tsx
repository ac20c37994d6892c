/** Who is logged in, as the start page tells it: the local single-user mode, a session's user, or nothing (anonymous). */
export type AccountNoticeModel = { readonly mode: 'local' } | { readonly mode: 'session'; readonly displayName: string; readonly canAdmin: boolean } | null;

/**
 * On the start page: who is logged in (with a link to the account page, where logout is), or, in the local
 * single-user mode, that there are no accounts yet and how the first administrator is created.
 */
export function AccountNotice(props: { account: AccountNoticeModel }) {
  const { account } = props;
  if (account?.mode === 'local') {
    return (
      <p class="warning">
        Samordna körs som lokal administratör utan inloggning, eftersom det inte finns några användarkonton. Skapa den första
        administratören med <code>npx samordna user add --admin --email …</code>; därefter krävs inloggning.{' '}
        <a href="/admin/federations">Förbund</a>
      </p>
    );
  }
  if (account?.mode === 'session') {
    return (
      <p>
        Inloggad som {account.displayName}. <a href="/account">Mitt konto och utloggning</a>
        {account.canAdmin ? (
          <>
            {' · '}
            <a href="/admin/federations">Förbund</a>
            {' · '}
            <a href="/admin/users">Alla användare</a>
          </>
        ) : null}
      </p>
    );
  }
  return null;
}
