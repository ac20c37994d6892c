import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { jsx } from 'hono/jsx';
import type { AppEnv, RequestContext } from '../context.ts';
import { UserPage, UsersPage, type UserPageModel, type UsersPageModel } from './usersPages.tsx';
import { AdminUserPage, type AdminUserPageModel } from './adminPages.tsx';
import { InvitationPage, LinkGonePage } from './accountLinkPages.tsx';
import { LoginPage } from './loginPage.tsx';

/**
 * The auth views rendered from hand-made models, without a database: a request with context storage (as in
 * app.tsx) and a visitor who may do nothing, so the forms get their CSRF field and the menu stays empty.
 */

const token = 'csrf-token-for-the-test';
const visitor = {
  user: { id: 'anonymous', displayName: 'Ej inloggad', userId: null },
  federation: null,
  mode: 'anonymous',
  principal: { local: false, national: false, admin: false, federations: new Map() },
  csrfToken: token,
  sessionHash: null,
  figuresVersion: null,
  assignedInterventions: [],
  can: () => false,
} as unknown as RequestContext;

/** The HTML a view renders for a model, inside a request (the test is a .ts file, so no JSX syntax here). */
async function render(component: unknown, props: Record<string, unknown>): Promise<string> {
  const app = new Hono<AppEnv>();
  app.use('*', contextStorage());
  app.get('/', (c) => {
    c.set('ctx', visitor);
    return c.html(jsx(component as never, props) as never);
  });
  return (await app.request('/')).text();
}

const postForms = (html: string) => (html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? []).filter((f) => f.includes('method="post"'));

const federation = { id: 7, name: 'Samordningsförbundet Mitt' };
const interventions = [
  { id: 501, name: 'Steg till arbete' },
  { id: 502, name: 'Unga vuxna' },
];
const member = { id: 41, email: 'anna@mitt.se', displayName: 'Anna Andersson', disabled: false, role: 'insats' as const, interventionIds: [502, 501], onlyHere: false };

describe('the förbund users page', () => {
  const model: UsersPageModel = {
    federation,
    users: [member, { ...member, id: 42, email: 'bo@mitt.se', displayName: 'Bo Berg', role: 'kansli', interventionIds: [], disabled: true }],
    invitations: [
      {
        id: 9,
        federationId: 7,
        federationName: federation.name,
        email: 'ny@mitt.se',
        displayName: '',
        role: 'revisor',
        interventionIds: [],
        status: 'open',
        createdBy: 'bo@mitt.se',
        // 09:30 UTC in March (before summer time) is 10:30 in Stockholm.
        expiresAt: '2026-03-14T09:30:00Z',
      },
    ],
    interventions,
  };

  it('lists users with Swedish role names, intervention names and account state, and invitations in Swedish time', async () => {
    const html = await render(UsersPage, { model });
    expect(html).toContain('<h1>Användare</h1>');
    expect(html).toContain('<caption>Användare med roll i Samordningsförbundet Mitt</caption>');
    expect(html).toContain('<a href="/f/7/users/41">Anna Andersson</a>');
    expect(html).toContain('<td>Insatspersonal</td><td>Unga vuxna, Steg till arbete</td><td>Aktivt</td>');
    expect(html).toContain('<td>Kansli</td><td></td><td>Avstängt</td>');
    expect(html).toContain('<th scope="row">ny@mitt.se</th><td>Revisor</td><td>Länken gäller till 2026-03-14 10:30</td>');
    expect(html).toContain('action="/f/7/users/invitations/9/revoke"');
    expect(html).toContain('gäller i 7 dagar');
    // Two forms that post (revoke, invite), each with the request's CSRF token.
    expect(postForms(html)).toHaveLength(2);
    for (const f of postForms(html)) expect(f).toContain(`name="_csrf" value="${token}"`);
  });

  it('shows a refused invitation with its message tied to the address and what was typed kept', async () => {
    const html = await render(UsersPage, {
      model: { ...model, invitations: [], error: 'Ange en giltig e-postadress.', values: { email: 'fel@', displayName: 'Ny Person', role: 'insats', interventionIds: [502] } },
    });
    expect(html).toContain('<p class="error pre-line" role="alert" id="invite-error">Ange en giltig e-postadress.</p>');
    expect(html).toMatch(/<input id="email" name="email" type="email" required="" autocomplete="off" value="fel@" aria-describedby="invite-error"/);
    expect(html).toContain('value="Ny Person"');
    expect(html).toMatch(/<option value="insats" selected="">Insatspersonal<\/option>/);
    expect(html).toMatch(/value="502"[^>]*checked/);
    expect(html).not.toMatch(/value="501"[^>]*checked/);
    expect(html).not.toContain('Inbjudningar</caption>');
  });

  it('shows a new invitation link once, as text to pass on', async () => {
    const html = await render(UsersPage, { model: { ...model, link: { text: 'Inbjudan till ny@mitt.se är skapad.', link: 'https://samordna.example/inbjudan?t=abc' } } });
    expect(html).toContain('<div class="notice" role="status"><p>Inbjudan till ny@mitt.se är skapad.</p>');
    expect(html).toContain('<p class="secret-link">https://samordna.example/inbjudan?t=abc</p>');
  });
});

describe('one user of the förbund', () => {
  const model: UserPageModel = { federation, user: member, interventions, admin: false };

  it('leaves password and disabling to the system administrator when the account is used elsewhere', async () => {
    const html = await render(UserPage, { model });
    expect(html).toContain('Kontot används också utanför förbundet.');
    expect(html).not.toContain('/f/7/users/41/reset');
    expect(html).not.toContain('/f/7/users/41/disable');
    expect(html).toContain('Tar bort rollen i Samordningsförbundet Mitt.');
    // Role change and role removal.
    expect(postForms(html)).toHaveLength(2);
  });

  it('lets the system administrator (or the kansli, for an account only here) reset and disable', async () => {
    for (const m of [{ ...model, admin: true }, { ...model, user: { ...member, onlyHere: true } }]) {
      const html = await render(UserPage, { model: m });
      expect(html).toContain('action="/f/7/users/41/reset"');
      expect(html).toContain('gäller i 24 timmar, en gång');
      expect(html).toContain('action="/f/7/users/41/disable"');
      expect(postForms(html)).toHaveLength(4);
      for (const f of postForms(html)) expect(f).toContain(`name="_csrf" value="${token}"`);
    }
  });
});

describe('one account of the installation', () => {
  const user = { id: 3, email: 'sys@x.se', displayName: '', isAdmin: true, isNational: false, disabled: false, roles: '' };

  it('never offers to disable the administrator’s own account', async () => {
    const own: AdminUserPageModel = { user, own: true, totpSince: null };
    const html = await render(AdminUserPage, { model: own });
    expect(html).toContain('<h1>sys@x.se</h1>');
    expect(html).toContain('<dt>Roller i förbund</dt><dd>–</dd>');
    expect(html).toContain('Ditt eget konto kan du inte stänga av här.');
    expect(html).not.toContain('/admin/users/3/disable');
    expect(html).toMatch(/value="admin"[^>]*checked/);
    expect(html).not.toContain('/admin/users/3/mfa-reset');
    const other = await render(AdminUserPage, { model: { user: { ...user, disabled: true }, own: false, totpSince: '2026-12-01' } });
    expect(other).toContain('action="/admin/users/3/enable"');
    expect(other).toContain('Slå på kontot');
    expect(other).toContain('action="/admin/users/3/mfa-reset"');
  });
});

describe('login and one-time link pages', () => {
  it('offers the organisation login only when configured, and names the local mode', async () => {
    const plain = await render(LoginPage, { model: { next: '/f/7', local: false, oidcLabel: null } });
    expect(plain).toContain('<input type="hidden" name="next" value="/f/7"');
    expect(plain).not.toContain('/login/oidc');
    expect(plain).not.toContain('lokal administratör');
    const both = await render(LoginPage, { model: { next: '/', local: true, oidcLabel: 'Logga in med Region Mitt', error: 'Inloggningen misslyckades.' } });
    expect(both).toContain('<a class="button" href="/login/oidc">Logga in med Region Mitt</a>');
    expect(both).toContain('Samordna körs som lokal administratör');
    expect(both).toContain('<p class="error" role="alert">Inloggningen misslyckades.</p>');
  });

  it('names the role and förbund of an invitation and keeps the token in a hidden field', async () => {
    const html = await render(InvitationPage, { model: { token: 'tok-123', role: 'styrelse', federationName: federation.name, email: 'ny@mitt.se' } });
    expect(html).toContain('Du är inbjuden som <strong>styrelse</strong> i Samordningsförbundet Mitt');
    expect(html).toContain('<input type="hidden" name="t" value="tok-123"');
    expect(html).toContain('Nytt lösenord (minst 12 tecken)');
  });

  it('says a used link is gone', async () => {
    const html = await render(LinkGonePage, { title: 'Nytt lösenord' });
    expect(html).toContain('<h1>Nytt lösenord</h1>');
    expect(html).toContain('Länken gäller inte längre');
  });
});
