import type { Context } from 'hono';
import { pathId } from '../params.ts';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { csrfField } from '../security/csrfField.tsx';
import { federationRoleLabels, federationRoles, isFederationRole } from '../../core/access/permissions.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { createUser, listFederationUsers, listUsers, removeFederationRole, setFederationRole, type UserWithRole } from '../../services/auth/users.ts';
import { minPasswordLength } from '../../services/auth/passwords.ts';
import type { Database } from '../../db/database.ts';

/** "3, 7 12" → [3, 7, 12]; anything else is an InputError on the field. */
export function parseIdList(raw: string, field: string): number[] {
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InputError({ field, message: `"${p}" är inte ett insats-id.` });
    return n;
  });
}

function UsersPage(props: { c: Context<AppEnv>; users: readonly UserWithRole[]; error?: string; message?: string }) {
  const { c, users } = props;
  const f = requireFederation(c);
  return (
    <Layout title="Användare" federation={f}>
      <h1>Användare</h1>
      {props.error ? <p class="error" role="alert" style="white-space: pre-line">{props.error}</p> : null}
      {props.message ? <p class="warning" role="status">{props.message}</p> : null}
      <table>
        <caption>Användare med roll i {f.name}</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">E-post</th>
            <th scope="col">Roll</th>
            <th scope="col">Insatser (id)</th>
            <th scope="col">Åtgärd</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <th scope="row">{u.displayName}</th>
              <td>{u.email}</td>
              <td>{federationRoleLabels[u.role]}</td>
              <td>{u.interventionIds.join(', ')}</td>
              <td>
                <form method="post" action={`/f/${f.id}/users/${u.id}/remove`} class="inline">
                  {csrfField(c)}
                  <button type="submit" aria-label={`Ta bort rollen för ${u.email}`}>Ta bort roll</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Lägg till användare eller ändra roll</h2>
      <p>
        Finns e-postadressen redan får kontot rollen här och lösenordet lämnas orört. Ett nytt konto får det lösenord du anger; be
        användaren byta det under Mitt konto.
      </p>
      <form method="post" action={`/f/${f.id}/users`}>
        {csrfField(c)}
        <label for="email">E-postadress</label>
        <input id="email" name="email" type="email" required autocomplete="off" />
        <label for="displayName">Namn</label>
        <input id="displayName" name="displayName" type="text" autocomplete="off" />
        <label for="role">Roll</label>
        <select id="role" name="role">
          {federationRoles.map((r) => (
            <option value={r}>{federationRoleLabels[r]}</option>
          ))}
        </select>
        <label for="interventions">Insatser (id, bara för rollen insatspersonal)</label>
        <input id="interventions" name="interventions" type="text" inputmode="numeric" autocomplete="off" />
        <label for="password">Lösenord för ett nytt konto (minst {minPasswordLength} tecken)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" minlength={minPasswordLength} />
        <p>
          <button type="submit">Spara</button>
        </p>
      </form>
    </Layout>
  );
}

async function userExists(db: Database, email: string): Promise<boolean> {
  return (await db.query('select 1 from app_user where email = lower(trim($1))', [email])).length > 0;
}

/** User management: per förbund (kansli, administrator) and the whole installation (administrator). */
export const authUserRoutes: RouteModule = (app, { db }) => {
  app.get('/f/:federationId/users', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'users:manage');
    return c.html(<UsersPage c={c} users={await listFederationUsers(db, f.id)} />);
  });

  app.get('/api/federations/:federationId/users', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'users:manage');
    return c.json(await listFederationUsers(db, f.id));
  });

  app.post('/f/:federationId/users', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const body = await c.req.parseBody();
    const email = String(body.email ?? '');
    try {
      const role = String(body.role ?? '');
      if (!isFederationRole(role)) throw new InputError({ field: 'role', message: 'Välj en roll.' });
      const interventionIds = parseIdList(String(body.interventions ?? ''), 'interventions');
      if (await userExists(db, email)) {
        await setFederationRole(db, { email, federationId: f.id, role, interventionIds }, ctx.actor);
      } else {
        await createUser(
          db,
          { email, displayName: String(body.displayName ?? ''), password: String(body.password ?? ''), federationId: f.id, role, interventionIds },
          ctx.actor,
        );
      }
    } catch (e) {
      if (e instanceof InputError) return c.html(<UsersPage c={c} users={await listFederationUsers(db, f.id)} error={e.message} />, 400);
      throw e;
    }
    return c.redirect(`/f/${f.id}/users`, 303);
  });

  app.post('/f/:federationId/users/:userId/remove', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const userId = pathId(c, 'userId');
    await removeFederationRole(db, f.id, userId, ctx.actor);
    return c.redirect(`/f/${f.id}/users`, 303);
  });

  app.get('/admin/users', async (c) => {
    requirePermission(c, 'admin');
    const users = await listUsers(db);
    return c.html(
      <Layout title="Alla användare">
        <h1>Alla användare</h1>
        <p>Konton skapas och ändras med <code>npx samordna user …</code> eller under Användare i varje förbund.</p>
        <table>
          <caption>Användarkonton i installationen</caption>
          <thead>
            <tr>
              <th scope="col">E-post</th>
              <th scope="col">Namn</th>
              <th scope="col">Administratör</th>
              <th scope="col">Nationell läsare</th>
              <th scope="col">Roller</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">{u.email}</th>
                <td>{u.displayName}</td>
                <td>{u.isAdmin ? 'Ja' : 'Nej'}</td>
                <td>{u.isNational ? 'Ja' : 'Nej'}</td>
                <td>{u.roles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });
};
