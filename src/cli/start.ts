import type { Command } from 'commander';
import { parseInteger, valueOrThrow } from '../core/input/index.ts';
import { demoSteps } from './demo.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Startar webbservern (inbyggd databas i ./data om inte DATABASE_URL är satt)')
    .option('-p, --port <port>', 'port', process.env.PORT ?? '3000')
    .option('--host <host>', 'adress att lyssna på', process.env.HOST ?? '127.0.0.1')
    .action(async (opts: { port: string; host: string }) => {
      const port = valueOrThrow(parseInteger(opts.port, { max: 65535 }), { field: '--port' });
      // A bad SAMORDNA_SMTP_URL or SAMORDNA_MAIL_FROM stops the start here, before the database is opened.
      const { mailConfig } = await import('../services/mail/config.ts');
      const mail = mailConfig();
      const [{ openDatabase, embeddedDatabaseMissing }, { readDemoImage }, { startServer }, { loadDemoIfEmpty }, { startStatisticsFreezer }] = await Promise.all([
        import('../db/open.ts'),
        import('./demoImage.ts'),
        import('../http/server.ts'),
        import('../services/demo/index.ts'),
        import('../services/national/statisticsFreezer.ts'),
      ]);
      // A provider whose discovery document names another issuer stops the start (a clear message, exit 1).
      const [{ checkOidcAtStart }, { secondFactorPolicy }] = await Promise.all([import('../services/auth/oidc.ts'), import('../services/auth/secondFactor.ts')]);
      // A typo in SAMORDNA_MFA_REQUIRED stops the start rather than switching the policy off.
      secondFactorPolicy();
      const oidc = await checkOidcAtStart();
      if (oidc.warning) console.warn(oidc.warning);
      // An empty data folder starts from the demo database made at build time (the same migrations and demo).
      const created = embeddedDatabaseMissing();
      const db = await openDatabase(process.env, { firstImage: readDemoImage });
      if ((await loadDemoIfEmpty(db, demoSteps)) || created) console.log('Databasen var tom: demodata inläst (Samordningsförbundet Västmanland 2024–2025, och 2026 som pågående år med exempeldata).');
      const server = await startServer({ db }, { port, hostname: opts.host });
      console.log(`Samordna körs på ${server.url} (${db.kind === 'embedded' ? 'inbyggd databas' : 'PostgreSQL-server'})`);
      // Closed but unfrozen statistics years are frozen in the background (yielding between steps), now and every six hours.
      const freezer = startStatisticsFreezer(db);
      let mailWorker: { stop(): Promise<void> } | null = null;
      if (mail) {
        const [{ smtpTransport }, { startMailWorker }] = await Promise.all([import('../services/mail/transport.ts'), import('../services/mail/worker.ts')]);
        mailWorker = startMailWorker(db, smtpTransport(mail));
        console.log(`E-post på: skickas via ${mail.shown} från ${mail.from}.`);
      } else console.log('E-post av (SAMORDNA_SMTP_URL är inte satt): länkar för inbjudan och nytt lösenord visas på skärmen.');
      const stop = async () => {
        await mailWorker?.stop().catch(() => {});
        await freezer.stop().catch(() => {});
        await server.close().catch(() => {});
        await db.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
