import type { Command } from 'commander';
import { parseId, valueOrThrow } from '../core/input/index.ts';
import { InputError } from '../core/errors.ts';
import { isFederationRole, federationRoles } from '../core/access/permissions.ts';
import type { Queryable } from '../db/database.ts';
import { cliActor, cliActorIn, withDb } from './shared.ts';

const users = () => import('../services/auth/users.ts');


/** Reads a password: the first line of standard input (--password-stdin), or a hidden prompt on a terminal. */
export async function readPassword(fromStdin: boolean, prompt = 'Lösenord: '): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (text: string) =>
    new Promise<string>((resolve, reject) => {
      process.stdout.write(text);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let value = '';
      const onData = (buf: Buffer) => {
        for (const ch of buf.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stdout.write('\n');
            return resolve(value);
          }
          if (ch === '\u0003') {
            stdin.setRawMode(false);
            return reject(new Error('Avbrutet.'));
          }
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask(prompt);
  const again = await ask('Upprepa lösenordet: ');
  if (first !== again) throw new InputError({ field: 'password', message: 'Lösenorden är inte lika.' });
  return first;
}

/** A förbund by its name or id. */
export async function findFederationId(db: Queryable, nameOrId: string): Promise<number> {
  const { findFederationByNameOrId } = await import('../services/federations/federations.ts');
  const found = await findFederationByNameOrId(db, nameOrId);
  if (!found) throw new InputError({ field: 'federation', message: `Det finns inget förbund som heter "${nameOrId}".` });
  return found.id;
}


function parseRole(role: string | undefined) {
  if (role === undefined) return undefined;
  if (!isFederationRole(role)) throw new InputError({ field: 'role', message: `Okänd roll "${role}". Välj bland: ${federationRoles.join(', ')}.` });
  return role;
}

function parseInterventions(values: string[] | undefined): number[] {
  return (values ?? []).map((v) => valueOrThrow(parseId(v), { field: '--intervention' }));
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerUsers(program: Command): void {
  const user = program.command('user').description('Användarkonton och roller');

  user
    .command('add')
    .description('Skapar ett konto. Den första administratören: user add --admin --email …')
    .requiredOption('--email <email>', 'e-postadress (inloggningsnamn)')
    .option('--name <name>', 'namn som visas')
    .option('--admin', 'systemadministratör: hanterar förbund och användare')
    .option('--national', 'nationell läsare: bara sammanställd statistik över förbund')
    .option('--federation <name>', 'förbundet rollen gäller (namn eller id)')
    .option('--role <role>', `roll i förbundet: ${federationRoles.join(' | ')}`)
    .option('--intervention <id>', 'insats för rollen insats (kan upprepas)', collect)
    .option('--password-stdin', 'läs lösenordet från standard in i stället för att fråga')
    .action(async (opts: { email: string; name?: string; admin?: boolean; national?: boolean; federation?: string; role?: string; intervention?: string[]; passwordStdin?: boolean }) => {
      const role = parseRole(opts.role);
      const interventionIds = parseInterventions(opts.intervention);
      const password = await readPassword(!!opts.passwordStdin);
      const { createUser } = await users();
      await withDb(async (db) => {
        const federationId = opts.federation ? await findFederationId(db, opts.federation) : undefined;
        const u = await createUser(
          db,
          { email: opts.email, displayName: opts.name, password, admin: opts.admin, national: opts.national, federationId, role, interventionIds },
          cliActor,
        );
        console.log(`Användaren ${u.email} är skapad${u.isAdmin ? ' (administratör)' : ''}. Inloggning krävs nu i webbgränssnittet.`);
      });
    });

  user
    .command('invite')
    .description('Bjuder in en adress till en roll i ett förbund: skickar inbjudan med e-post, eller skriver ut länken när e-post är avstängd')
    .requiredOption('--email <email>', 'e-postadress')
    .requiredOption('--federation <name>', 'förbund (namn eller id)')
    .requiredOption('--role <role>', `roll: ${federationRoles.join(' | ')}`)
    .option('--name <name>', 'namn som visas')
    .option('--intervention <id>', 'insats för rollen insats (kan upprepas)', collect)
    .action(async (opts: { email: string; federation: string; role: string; name?: string; intervention?: string[] }) => {
      const role = parseRole(opts.role)!;
      const [{ inviteToFederation }, { siteAddress }] = await Promise.all([import('../services/auth/accounts.ts'), import('../services/mail/config.ts')]);
      await withDb(async (db) => {
        const federationId = await findFederationId(db, opts.federation);
        const site = siteAddress();
        const input = { email: opts.email, displayName: opts.name, role, interventionIds: parseInterventions(opts.intervention) };
        const r = await inviteToFederation(db, federationId, input, { kind: 'admin' }, site, cliActorIn(federationId));
        if (r.kind === 'attached') console.log(`${r.email} hade redan ett konto och har nu rollen ${role} i ${opts.federation}.`);
        else if (r.kind === 'sent') console.log(`Skickat: inbjudan till ${r.email} ligger i utkorgen och skickas av servern (eller med: npx samordna mail send-pending).`);
        else console.log(`Inbjudan till ${r.email} är skapad. E-post är avstängd: skicka länken till personen själv (gäller en gång):\n${site}/inbjudan?t=${encodeURIComponent(r.token)}`);
      });
    });

  user
    .command('role')
    .description('Ger ett befintligt konto en roll i ett förbund (ersätter en tidigare roll där)')
    .requiredOption('--email <email>', 'e-postadress')
    .requiredOption('--federation <name>', 'förbund (namn eller id)')
    .requiredOption('--role <role>', `roll: ${federationRoles.join(' | ')}`)
    .option('--intervention <id>', 'insats för rollen insats (kan upprepas)', collect)
    .action(async (opts: { email: string; federation: string; role: string; intervention?: string[] }) => {
      const role = parseRole(opts.role)!;
      const { setFederationRole } = await users();
      await withDb(async (db) => {
        await setFederationRole(db, { email: opts.email, federationId: await findFederationId(db, opts.federation), role, interventionIds: parseInterventions(opts.intervention) }, cliActor);
        console.log(`${opts.email} har nu rollen ${role} i ${opts.federation}.`);
      });
    });

  user
    .command('password')
    .description('Sätter ett nytt lösenord för ett konto och avslutar dess inloggningar')
    .requiredOption('--email <email>', 'e-postadress')
    .option('--password-stdin', 'läs lösenordet från standard in')
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const password = await readPassword(!!opts.passwordStdin);
      const { resetPassword } = await users();
      await withDb((db) => resetPassword(db, opts.email, password, cliActor));
      console.log(`Lösenordet för ${opts.email} är bytt.`);
    });

  user
    .command('disable')
    .description('Stänger av ett konto (t.ex. när någon slutar) och avslutar dess inloggningar; --enable slår på det igen')
    .requiredOption('--email <email>', 'e-postadress')
    .option('--enable', 'slå på kontot igen')
    .action(async (opts: { email: string; enable?: boolean }) => {
      const { setUserDisabled } = await users();
      await withDb((db) => setUserDisabled(db, opts.email, !opts.enable, cliActor));
      console.log(`Kontot ${opts.email} är ${opts.enable ? 'påslaget' : 'avstängt'}.`);
    });

  const mfa = user.command('mfa').description('Tvåstegsverifiering (TOTP) för ett konto');
  mfa
    .command('enable')
    .description('Lägger till TOTP för kontot och skriver ut otpauth://-adressen och reservkoderna, en enda gång')
    .requiredOption('--email <email>', 'e-postadress')
    .action(async (opts: { email: string }) => {
      const { enrolTotpDirectly } = await import('../services/auth/secondFactor.ts');
      const r = await withDb((db) => enrolTotpDirectly(db, opts.email, cliActor));
      console.log(`Tvåstegsverifiering tillagd för ${opts.email}. Lägg in adressen i en autentiseringsapp (den visas inte igen):`);
      console.log(r.uri);
      console.log('Reservkoder (var och en gäller en gång; spara dem nu):');
      for (const code of r.recoveryCodes) console.log(`  ${code}`);
    });
  mfa
    .command('reset')
    .description('Tar bort kontots tvåstegsverifiering och avslutar dess inloggningar (t.ex. förlorad telefon)')
    .requiredOption('--email <email>', 'e-postadress')
    .action(async (opts: { email: string }) => {
      const { resetSecondFactor, findUserIdByEmail } = await import('../services/auth/secondFactor.ts');
      await withDb(async (db) => resetSecondFactor(db, await findUserIdByEmail(db, opts.email), cliActor));
      console.log(`Tvåstegsverifieringen för ${opts.email} är återställd.`);
    });

  user
    .command('list')
    .description('Listar kontona och deras roller')
    .action(async () => {
      const { listUsers } = await users();
      await withDb(async (db) => {
        const accounts = await listUsers(db);
        if (!accounts.length) console.log('Inga användarkonton: webbgränssnittet körs som lokal administratör utan inloggning.');
        for (const u of accounts) {
          const flags = [u.isAdmin ? 'administratör' : '', u.isNational ? 'nationell' : '', u.disabled ? 'avstängd' : ''].filter(Boolean).join(', ');
          console.log(`${u.email}\t${u.displayName}\t${flags}\t${u.roles}`);
        }
      });
    });
}
