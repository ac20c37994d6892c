import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { HomePage, type HomePageModel } from './homePage.tsx';

const render = async (model: HomePageModel) => String(await jsx(HomePage as never, { model } as never).toString());

describe('HomePage (view)', () => {
  it('links each förbund to where the user lands there, and says who is logged in', async () => {
    const out = await render({
      national: false,
      canReadNational: false,
      places: [
        { id: 2, name: 'Samordningsförbundet Norr', landing: '/f/2' },
        { id: 5, name: 'Samordningsförbundet Söder', landing: '/f/5/driftredovisning' },
      ],
      account: { mode: 'session', displayName: 'Kim Kansli', canAdmin: false },
    });
    expect(out).toContain('<h1>Samordna</h1>');
    expect(out).toContain('Inloggad som Kim Kansli.');
    expect(out).toContain('<ul><li><a href="/f/2">Samordningsförbundet Norr</a></li><li><a href="/f/5/driftredovisning">Samordningsförbundet Söder</a></li></ul>');
    expect(out).not.toContain('/admin/users');
    expect(out).not.toContain('Nationell jämförelse');
  });

  it('tells a user without a role whom to ask, and the national reader what the page is', async () => {
    expect(await render({ national: false, canReadNational: false, places: [], account: { mode: 'session', displayName: 'Ny', canAdmin: false } })).toContain(
      'Ditt konto har ingen roll i något förbund ännu.',
    );
    const national = await render({ national: true, canReadNational: false, places: [], account: { mode: 'session', displayName: 'Nat', canAdmin: false } });
    expect(national).toContain('<h1>Statistik i alla förbund</h1>');
    expect(await render({ national: false, canReadNational: true, places: [], account: { mode: 'local' } })).toContain('Det finns inga förbund ännu.');
  });
});
