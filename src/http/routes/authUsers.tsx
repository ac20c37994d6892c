import { Hono, type Context } from 'hono';
import { formatLocalDateTime } from '../../core/format.ts';
import { pathId } from '../params.ts';
import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission, type AppEnv, type RequestContext } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import { redirectWithFlash } from '../views/flash.tsx';
import { CheckboxGroup } from '../views/form.tsx';
import { csrfField } from '../security/csrfField.tsx';
import { federationRoleLabels, federationRoles } from '../../core/access/permissions.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { listFederationUsers, listUsers } from '../../services/auth/users.ts';
import { Form, SubmitButton, TextField, fieldId, formState } from '../views/form.tsx';
import {
  changeFederationRole,
  createInstallationAccount,
  createPasswordReset,
  decideInvitation,
  installationKindLabels,
  invitationDays,
  inviteToFederation,
  listInvitations,
  listManagedUsers,
  listPendingApprovals,
  removeRole,
  resetHours,
  revokeInvitation,
  setDisabled,
  setInstallationKinds,
  type InstallationKind,
  type Invitation,
  type Manager,
  type ManagedUserRow,
} from '../../services/auth/accounts.ts';
import { listInterventions } from '../../services/interventions/interventions.ts';

/** "3, 7 12" → [3, 7, 12]; anything else is an InputError on the field. (The CLI's --intervention list.) */
export function parseIdList(raw: string, field: string): number[] {
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InputError({ field, message: `"${p}" är inte ett insats-id.` });
    return n;
  });
}

/** The system administrator manages every account; a kansli those of its own förbund. */
function managerOf(ctx: RequestContext, federationId: number): Manager {
  return ctx.can('admin') ? { kind: 'admin' } : { kind: 'kansli', federationId };
}

/** The link a person opens, on this site (SAMORDNA_PUBLIC_URL when the site is reached through another name). */
function linkTo(c: Context<AppEnv>, path: string, token: string): string {
  const base = (process.env.SAMORDNA_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, '');
  return `${base}${path}?t=${encodeURIComponent(token)}`;
}

/** A one-time link, shown once to the one who made it, to pass on (Samordna sends no e-mail). */
function LinkNotice(props: { text: string; link: string }) {
  return (
    <div class="notice" role="status">
      <p>{props.text}</p>
      <p>Samordna skickar ingen e-post: kopiera länken och skicka den till personen själv. Länken visas bara nu.</p>
      <p class="secret-link">{props.link}</p>
    </div>
  );
}

async function bodyOf(c: Context<AppEnv>): Promise<{ text(name: string): string; ids(name: string): number[] }> {
  const body = await c.req.parseBody({ all: true });
  return {
    text: (name) => {
      const v = body[name];
      return typeof v === 'string' ? v : '';
    },
    ids: (name) => {
      const v = body[`${name}[]`] ?? body[name];
      const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
      return list.filter((x): x is string => typeof x === 'string').map((x) => (/^\d{1,9}$/.test(x) ? Number(x) : NaN));
    },
  };
}

function RoleFields(props: { idPrefix: string; interventions: readonly { id: number; name: string }[]; role?: string; selected?: readonly number[] }) {
  const p = props.idPrefix;
  return (
    <>
      <label for={`${p}-role`}>Roll</label>
      <select id={`${p}-role`} name="role" required>
        <option value="" selected={!props.role}>
          – välj roll –
        </option>
        {federationRoles.map((r) => (
          <option value={r} selected={props.role === r}>
            {federationRoleLabels[r]}
          </option>
        ))}
      </select>
      <CheckboxGroup
        name="interventionIds[]"
        legend="Insatser (bara för insatspersonal)"
        idPrefix={`${p}-i`}
        options={props.interventions.map((i) => ({ value: String(i.id), label: i.name }))}
        chosen={(props.selected ?? []).map(String)}
        empty={<p class="muted">Förbundet har inga insatser ännu.</p>}
      />
    </>
  );
}

interface UsersPageProps {
  c: Context<AppEnv>;
  users: readonly ManagedUserRow[];
  invitations: readonly Invitation[];
  interventions: readonly { id: number; name: string }[];
  error?: string;
  link?: { text: string; link: string };
  values?: { email: string; displayName: string; role: string; interventionIds: number[] };
}

function UsersPage(props: UsersPageProps) {
  const { c, users } = props;
  const f = requireFederation(c);
  const names = new Map(props.interventions.map((i) => [i.id, i.name]));
  const v = props.values;
  return (
    <Layout title="Användare" federation={f}>
      <h1>Användare</h1>
      {props.link ? <LinkNotice {...props.link} /> : null}
      {props.error ? (
        <p class="error pre-line" role="alert" id="invite-error">
          {props.error}
        </p>
      ) : null}
      <ScrollTable label="Användare med roll i förbundet">
        <table>
          <caption>Användare med roll i {f.name}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
              <th scope="col">Insatser</th>
              <th scope="col">Konto</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/f/${f.id}/users/${u.id}`}>{u.displayName}</a>
                </th>
                <td>{u.email}</td>
                <td>{federationRoleLabels[u.role]}</td>
                <td>{u.interventionIds.map((id) => names.get(Number(id)) ?? '–').join(', ')}</td>
                <td>{u.disabled ? 'Avstängt' : 'Aktivt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {props.invitations.length ? (
        <ScrollTable label="Inbjudningar">
          <table>
            <caption>Inbjudningar</caption>
            <thead>
              <tr>
                <th scope="col">E-post</th>
                <th scope="col">Roll</th>
                <th scope="col">Läge</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {props.invitations.map((i) => (
                <tr>
                  <th scope="row">{i.email}</th>
                  <td>{federationRoleLabels[i.role]}</td>
                  <td>{`Länken gäller till ${formatLocalDateTime(i.expiresAt)}`}</td>
                  <td>
                    <form method="post" action={`/f/${f.id}/users/invitations/${i.id}/revoke`} class="inline">
                      {csrfField(c)}
                      <button type="submit" aria-label={`Återkalla inbjudan till ${i.email}`}>
                        Återkalla
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <h2>Bjud in en användare</h2>
      <p>
        Du får en länk som gäller i {invitationDays} dagar och kan användas en gång. Den som öppnar den väljer sitt lösenord. Har
        adressen redan ett konto i Samordna får kontot rollen när systemadministratören har godkänt det.
      </p>
      <form method="post" action={`/f/${f.id}/users`}>
        {csrfField(c)}
        <label for="email">E-postadress</label>
        <input id="email" name="email" type="email" required autocomplete="off" value={v?.email ?? ''} aria-describedby={props.error ? 'invite-error' : undefined} />
        <label for="displayName">Namn</label>
        <input id="displayName" name="displayName" type="text" autocomplete="off" value={v?.displayName ?? ''} />
        <RoleFields idPrefix="invite" interventions={props.interventions} role={v?.role} selected={v?.interventionIds} />
        <p>
          <button type="submit">Skapa inbjudan</button>
        </p>
      </form>
    </Layout>
  );
}

function UserPage(props: { c: Context<AppEnv>; user: ManagedUserRow; interventions: readonly { id: number; name: string }[]; error?: string; link?: { text: string; link: string }; admin: boolean }) {
  const { c, user: u } = props;
  const f = requireFederation(c);
  const base = `/f/${f.id}/users/${u.id}`;
  const accountWide = u.onlyHere || props.admin;
  return (
    <Layout title={u.displayName} federation={f}>
      <h1>{u.displayName}</h1>
      <p>
        <a href={`/f/${f.id}/users`}>Alla användare i förbundet</a>
      </p>
      {props.link ? <LinkNotice {...props.link} /> : null}
      {props.error ? (
        <p class="error pre-line" role="alert">
          {props.error}
        </p>
      ) : null}
      <dl class="facts">
        <dt>E-post</dt>
        <dd>{u.email}</dd>
        <dt>Roll</dt>
        <dd>{federationRoleLabels[u.role]}</dd>
        <dt>Konto</dt>
        <dd>{u.disabled ? 'Avstängt' : 'Aktivt'}</dd>
      </dl>
      <h2>Ändra roll</h2>
      <form method="post" action={`${base}/role`}>
        {csrfField(c)}
        <RoleFields idPrefix="role" interventions={props.interventions} role={u.role} selected={u.interventionIds.map(Number)} />
        <p>
          <button type="submit">Spara roll</button>
        </p>
      </form>
      <h2>Kontot</h2>
      {accountWide ? (
        <>
          <form method="post" action={`${base}/reset`}>
            {csrfField(c)}
            <p>Skapa en länk där användaren väljer ett nytt lösenord (gäller i {resetHours} timmar, en gång).</p>
            <button type="submit">Skapa länk för nytt lösenord</button>
          </form>
          <form method="post" action={`${base}/${u.disabled ? 'enable' : 'disable'}`}>
            {csrfField(c)}
            <p>{u.disabled ? 'Kontot är avstängt.' : 'Ett avstängt konto kan inte logga in; dess inloggningar avslutas.'}</p>
            <button type="submit">{u.disabled ? 'Slå på kontot' : 'Stäng av kontot'}</button>
          </form>
        </>
      ) : (
        <p>Kontot används också utanför förbundet. Lösenord och avstängning hanteras av systemadministratören.</p>
      )}
      <form method="post" action={`${base}/remove`}>
        {csrfField(c)}
        <p>Tar bort rollen i {f.name}. Kontot och dess historik finns kvar.</p>
        <button type="submit">Ta bort rollen i förbundet</button>
      </form>
    </Layout>
  );
}

/** Check boxes for what an account is in the whole installation; posted again after an error. */
function KindChecks(props: { action: string; current: readonly InstallationKind[] }) {
  const s = formState(props.action);
  return (
    <CheckboxGroup
      name="kinds[]"
      legend="Roll i hela installationen"
      idPrefix={fieldId('kinds')}
      options={(['admin', 'national'] as const).map((k) => ({ value: k, label: installationKindLabels[k] }))}
      chosen={s.values('kinds') ?? props.current}
      error={s.error('kinds')}
    />
  );
}

function KindsForm(props: { action: string; current: readonly InstallationKind[] }) {
  return (
    <Form action={props.action} label="Roller i hela installationen">
      <KindChecks action={props.action} current={props.current} />
      <SubmitButton label="Spara rollerna" />
    </Form>
  );
}

function InstallationAccountForm() {
  const action = '/admin/users';
  const s = formState(action);
  return (
    <section aria-labelledby="new-account">
      <h2 id="new-account">Nytt konto för hela installationen</h2>
      <p>
        Kontot får en engångslänk (gäller i {resetHours} timmar) där personen väljer sitt lösenord. Har adressen redan ett konto får det rollen
        direkt.
      </p>
      <Form action={action} label="Nytt konto för hela installationen">
        <TextField {...s.bind('email')} label="E-postadress" required autocomplete="off" />
        <TextField {...s.bind('displayName')} label="Namn" />
        <KindChecks action={action} current={[]} />
        <SubmitButton label="Skapa kontot" />
      </Form>
    </section>
  );
}

/** User management: per förbund (kansli, system administrator) and the whole installation (administrator). */
export const authUserRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const interventionsOf = async (federationId: number) => (await listInterventions(db, federationId)).map((i) => ({ id: i.id, name: i.name }));
  const usersPage = async (c: Context<AppEnv>, extra: Partial<UsersPageProps> = {}) => {
    const f = requireFederation(c);
    const [users, invitations, interventions] = await Promise.all([listManagedUsers(db, f.id), listInvitations(db, f.id), interventionsOf(f.id)]);
    return <UsersPage c={c} users={users} invitations={invitations} interventions={interventions} {...extra} />;
  };
  const findUser = async (federationId: number, userId: number) => {
    const u = (await listManagedUsers(db, federationId)).find((x) => x.id === userId);
    if (!u) throw new NotFoundError('Användaren finns inte.');
    return u;
  };
  const userIdParam = (c: Context<AppEnv>) => pathId(c, 'userId');

  app.get('/f/:federationId/users', async (c) => {
    requirePermission(c, 'users:manage');
    return c.html(await usersPage(c));
  });

  app.get('/api/federations/:federationId/users', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'users:manage');
    return c.json(await listFederationUsers(db, f.id));
  });

  // Invite (kansli: always an invitation; system administrator: an existing account gets the role at once).
  app.post('/f/:federationId/users', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const b = await bodyOf(c);
    const values = { email: b.text('email'), displayName: b.text('displayName'), role: b.text('role'), interventionIds: b.ids('interventionIds') };
    try {
      const r = await inviteToFederation(db, f.id, values, managerOf(ctx, f.id), ctx.actor);
      if (r.kind === 'attached') return redirectWithFlash(c, `/f/${f.id}/users`, 'user-role');
      return c.html(await usersPage(c, { link: { text: `Inbjudan till ${r.email} är skapad.`, link: linkTo(c, '/inbjudan', r.token) } }));
    } catch (e) {
      if (e instanceof InputError) return c.html(await usersPage(c, { error: e.message, values }), 400);
      throw e;
    }
  });

  app.post('/f/:federationId/users/invitations/:invitationId/revoke', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const id = pathId(c, 'invitationId');
    await revokeInvitation(db, f.id, id, managerOf(ctx, f.id), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/users`, 'invitation-revoked');
  });

  app.get('/f/:federationId/users/:userId', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const user = await findUser(f.id, userIdParam(c));
    return c.html(<UserPage c={c} user={user} interventions={await interventionsOf(f.id)} admin={ctx.can('admin')} />);
  });

  app.post('/f/:federationId/users/:userId/role', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const userId = userIdParam(c);
    const b = await bodyOf(c);
    try {
      await changeFederationRole(db, f.id, userId, { role: b.text('role'), interventionIds: b.ids('interventionIds') }, managerOf(ctx, f.id), ctx.actor);
    } catch (e) {
      if (e instanceof InputError) {
        return c.html(<UserPage c={c} user={await findUser(f.id, userId)} interventions={await interventionsOf(f.id)} admin={ctx.can('admin')} error={e.message} />, 400);
      }
      throw e;
    }
    return redirectWithFlash(c, `/f/${f.id}/users/${userId}`, 'user-role');
  });

  app.post('/f/:federationId/users/:userId/remove', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    await removeRole(db, f.id, userIdParam(c), managerOf(ctx, f.id), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/users`, 'user-removed');
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/f/:federationId/users/:userId/${action}`, async (c) => {
      const f = requireFederation(c);
      const ctx = requirePermission(c, 'users:manage');
      const userId = userIdParam(c);
      await setDisabled(db, f.id, userId, disabled, managerOf(ctx, f.id), ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/users/${userId}`, disabled ? 'user-disabled' : 'user-enabled');
    });
  }

  app.post('/f/:federationId/users/:userId/reset', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'users:manage');
    const userId = userIdParam(c);
    const r = await createPasswordReset(db, f.id, userId, managerOf(ctx, f.id), ctx.actor);
    return c.html(
      <UserPage
        c={c}
        user={await findUser(f.id, userId)}
        interventions={await interventionsOf(f.id)}
        admin={ctx.can('admin')}
        link={{ text: `En länk för nytt lösenord för ${r.email} är skapad.`, link: linkTo(c, '/aterstall', r.token) }}
      />,
    );
  });

  // The system administrator: every account, invitations of existing accounts to approve.
  const adminUsersPage = async (c: Context<AppEnv>, link?: { text: string; link: string }) => {
    const [users, pending] = await Promise.all([listUsers(db), listPendingApprovals(db)]);
    return (
      <Layout title="Alla användare">
        <h1>Alla användare</h1>
        {link ? <LinkNotice {...link} /> : null}
        <p>
          Roller i ett förbund ges under Användare i förbundet (<a href="/admin/federations">Förbund</a>). Konton för hela installationen –
          systemadministratörer och nationella läsare – skapas och ändras här.
        </p>
        <InstallationAccountForm />
        {pending.length ? (
          <ScrollTable label="Inbjudningar som väntar på godkännande">
            <table>
              <caption>Inbjudningar till befintliga konton, att godkänna</caption>
              <thead>
                <tr>
                  <th scope="col">E-post</th>
                  <th scope="col">Förbund</th>
                  <th scope="col">Roll</th>
                  <th scope="col">Inbjuden av</th>
                  <th scope="col">Beslut</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => (
                  <tr>
                    <th scope="row">{i.email}</th>
                    <td>{i.federationName}</td>
                    <td>{federationRoleLabels[i.role]}</td>
                    <td>{i.createdBy}</td>
                    <td>
                      <form method="post" action={`/admin/invitations/${i.id}/approve`} class="inline">
                        {csrfField(c)}
                        <button type="submit" aria-label={`Godkänn rollen för ${i.email} i ${i.federationName}`}>
                          Godkänn
                        </button>
                      </form>{' '}
                      <form method="post" action={`/admin/invitations/${i.id}/decline`} class="inline">
                        {csrfField(c)}
                        <button type="submit" aria-label={`Avslå rollen för ${i.email} i ${i.federationName}`}>
                          Avslå
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ) : null}
        <ScrollTable label="Användarkonton">
          <table>
            <caption>Användarkonton i installationen</caption>
            <thead>
              <tr>
                <th scope="col">E-post</th>
                <th scope="col">Namn</th>
                <th scope="col">Slag</th>
                <th scope="col">Roller</th>
                <th scope="col">Konto</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/users/${u.id}`}>{u.email}</a>
                  </th>
                  <td>{u.displayName}</td>
                  <td>{[u.isAdmin ? 'Administratör' : '', u.isNational ? 'Nationell läsare' : ''].filter(Boolean).join(', ') || '–'}</td>
                  <td>{u.roles}</td>
                  <td>{u.disabled ? 'Avstängt' : 'Aktivt'}</td>
                  <td>
                    <form method="post" action={`/admin/users/${u.id}/reset`} class="inline">
                      {csrfField(c)}
                      <button type="submit" aria-label={`Länk för nytt lösenord för ${u.email}`}>
                        Nytt lösenord
                      </button>
                    </form>{' '}
                    <form method="post" action={`/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`} class="inline">
                      {csrfField(c)}
                      <button type="submit" aria-label={`${u.disabled ? 'Slå på' : 'Stäng av'} ${u.email}`}>
                        {u.disabled ? 'Slå på' : 'Stäng av'}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </Layout>
    );
  };

  app.get('/admin/users', async (c) => {
    requirePermission(c, 'admin');
    return c.html(await adminUsersPage(c));
  });

  // Accounts that span förbund (administrators, national readers): the system administrator's alone.
  app.post('/admin/users', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const b = await c.req.parseBody({ all: true });
    const kinds = [b['kinds[]'] ?? b.kinds ?? []].flat().filter((x): x is string => typeof x === 'string');
    const r = await createInstallationAccount(db, { email: String(b.email ?? ''), displayName: String(b.displayName ?? ''), kinds }, ctx.actor);
    if (r.kind === 'granted') return redirectWithFlash(c, '/admin/users', 'user-kinds');
    return c.html(await adminUsersPage(c, { text: `Kontot för ${r.email} är skapat. Personen väljer sitt lösenord med länken (gäller i ${resetHours} timmar, en gång).`, link: linkTo(c, '/aterstall', r.token) }));
  });

  const adminUserPage = async (c: Context<AppEnv>, userId: number, link?: { text: string; link: string }) => {
    const u = (await listUsers(db)).find((x) => x.id === userId);
    if (!u) throw new NotFoundError('Användaren finns inte.');
    const base = `/admin/users/${u.id}`;
    const own = c.get('ctx').user.userId === u.id;
    return (
      <Layout title={u.email}>
        <h1>{u.displayName || u.email}</h1>
        <p>
          <a href="/admin/users">Alla användare</a>
        </p>
        {link ? <LinkNotice {...link} /> : null}
        <dl class="facts">
          <dt>E-post</dt>
          <dd>{u.email}</dd>
          <dt>Roller i förbund</dt>
          <dd>{u.roles || '–'}</dd>
          <dt>Konto</dt>
          <dd>{u.disabled ? 'Avstängt' : 'Aktivt'}</dd>
        </dl>
        <h2>Roller i hela installationen</h2>
        <KindsForm action={`${base}/kinds`} current={[...(u.isAdmin ? ['admin' as const] : []), ...(u.isNational ? ['national' as const] : [])]} />
        <h2>Kontot</h2>
        <form method="post" action={`${base}/reset`}>
          {csrfField(c)}
          <p>Skapa en länk där användaren väljer ett nytt lösenord (gäller i {resetHours} timmar, en gång). Kontots inloggningar avslutas när lösenordet byts.</p>
          <button type="submit">Skapa länk för nytt lösenord</button>
        </form>
        {own ? (
          <p>Ditt eget konto kan du inte stänga av här.</p>
        ) : (
          <form method="post" action={`${base}/${u.disabled ? 'enable' : 'disable'}`}>
            {csrfField(c)}
            <p>{u.disabled ? 'Kontot är avstängt.' : 'Ett avstängt konto kan inte logga in; dess inloggningar avslutas.'}</p>
            <button type="submit">{u.disabled ? 'Slå på kontot' : 'Stäng av kontot'}</button>
          </form>
        )}
      </Layout>
    );
  };

  app.get('/admin/users/:userId', async (c) => {
    requirePermission(c, 'admin');
    return c.html(await adminUserPage(c, userIdParam(c)));
  });

  app.post('/admin/users/:userId/kinds', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const userId = userIdParam(c);
    const b = await c.req.parseBody({ all: true });
    const kinds = [b['kinds[]'] ?? b.kinds ?? []].flat().filter((x): x is string => typeof x === 'string');
    await setInstallationKinds(db, userId, kinds, ctx.user.userId, ctx.actor);
    return redirectWithFlash(c, `/admin/users/${userId}`, 'user-kinds');
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:userId/${action}`, async (c) => {
      const ctx = requirePermission(c, 'admin');
      const userId = userIdParam(c);
      if (disabled && userId === ctx.user.userId) throw new InputError({ message: 'Du kan inte stänga av ditt eget konto.' });
      await setDisabled(db, null, userId, disabled, { kind: 'admin' }, ctx.actor);
      return redirectWithFlash(c, `/admin/users/${userId}`, disabled ? 'user-disabled' : 'user-enabled');
    });
  }

  app.post('/admin/users/:userId/reset', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const userId = userIdParam(c);
    const r = await createPasswordReset(db, null, userId, { kind: 'admin' }, ctx.actor);
    return c.html(await adminUserPage(c, userId, { text: `En länk för nytt lösenord för ${r.email} är skapad.`, link: linkTo(c, '/aterstall', r.token) }));
  });

  for (const [action, approve] of [['approve', true], ['decline', false]] as const) {
    app.post(`/admin/invitations/:invitationId/${action}`, async (c) => {
      const ctx = requirePermission(c, 'admin');
      const id = Number(c.req.param('invitationId'));
      if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('Inbjudan finns inte.');
      await decideInvitation(db, id, approve, ctx.actor);
      return redirectWithFlash(c, '/admin/users', 'user-role');
    });
  }
  return app;
};

