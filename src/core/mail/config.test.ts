import { describe, expect, it } from 'vitest';
import { MailConfigError, parseMailConfig } from './config.ts';

const from = 'Samordna <noreply@forbund.se>';

describe('SAMORDNA_SMTP_URL and SAMORDNA_MAIL_FROM', () => {
  it('without a URL mail is off', () => {
    expect(parseMailConfig({})).toBeNull();
    expect(parseMailConfig({ SAMORDNA_SMTP_URL: '  ', SAMORDNA_MAIL_FROM: from })).toBeNull();
  });

  it('smtp:// is STARTTLS on 587 unless a port is given; smtps:// is TLS on 465; the shown form has no credentials', () => {
    expect(parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://user:hemligt@mail.forbund.se', SAMORDNA_MAIL_FROM: from })).toMatchObject({
      host: 'mail.forbund.se',
      port: 587,
      secure: false,
      shown: 'smtp://mail.forbund.se:587',
    });
    const tls = parseMailConfig({ SAMORDNA_SMTP_URL: 'smtps://user:hemligt@mail.forbund.se', SAMORDNA_MAIL_FROM: 'noreply@forbund.se' })!;
    expect(tls).toMatchObject({ port: 465, secure: true, shown: 'smtps://mail.forbund.se:465' });
    expect(JSON.stringify({ shown: tls.shown })).not.toContain('hemligt');
    expect(parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://mail.forbund.se:2525', SAMORDNA_MAIL_FROM: from })!.port).toBe(2525);
  });

  it('refuses a URL without a host, with a message naming the variable', () => {
    for (const url of ['smtp://', 'smtps://', 'smtp:///', 'smtp://user:pass@', 'smtps://user@:465', 'SMTP://:587/x']) {
      expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: url, SAMORDNA_MAIL_FROM: from }), url).toThrow('SAMORDNA_SMTP_URL saknar server');
    }
  });

  it('refuses another scheme, a string that is no URL, and a missing or broken sender', () => {
    expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: 'http://mail.forbund.se', SAMORDNA_MAIL_FROM: from })).toThrow('ska börja med smtp:// eller smtps://');
    expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: 'mail.forbund.se', SAMORDNA_MAIL_FROM: from })).toThrow(MailConfigError);
    expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://mail.forbund.se' })).toThrow('SAMORDNA_MAIL_FROM saknas');
    expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://mail.forbund.se', SAMORDNA_MAIL_FROM: 'Samordna' })).toThrow('ingen e-postadress');
    expect(() => parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://mail.forbund.se', SAMORDNA_MAIL_FROM: 'a@b.se\r\nBcc: x@y.se' })).toThrow(MailConfigError);
  });
});
