import type { RequestContext } from '../context.ts';

/**
 * On the start page: who is logged in (with a link to the account page, where logout is), or, in the local
 * single-user mode, that there are no accounts yet and how the first administrator is created.
 */
export function AccountNotice(props: { ctx: RequestContext }) {
  const { ctx } = props;
  if (ctx.mode === 'local') {
    return (
      <p class="warning">
        Samordna körs som lokal administratör utan inloggning, eftersom det inte finns några användarkonton. Skapa den första
        administratören med <code>npx samordna user add --admin --email …</code>; därefter krävs inloggning.{' '}
        <a href="/admin/federations">Förbund</a>
      </p>
    );
  }
  if (ctx.mode === 'session') {
    return (
      <p>
        Inloggad som {ctx.user.displayName}. <a href="/account">Mitt konto och utloggning</a>
        {ctx.can('admin') ? (
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
