import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

// A secret given, so no secret file is written into DATA_DIR.
const base = { JWT_SECRET: 'a-test-secret-that-is-long-enough-1234567890', DATA_DIR: '/nonexistent/exchange-config-test' };

describe('mail configuration', () => {
  it('defaults the web’s public URL and sends from a no-reply address at its host', () => {
    expect(loadConfig(base)).toMatchObject({
      origin: 'http://localhost:3000',
      mailFrom: { name: 'Penza–Baoji Exchange', address: 'no-reply@localhost' },
    });
    expect(loadConfig({ ...base, ORIGIN: 'https://exchange.example.edu/' })).toMatchObject({
      origin: 'https://exchange.example.edu',
      mailFrom: { address: 'no-reply@exchange.example.edu' },
    });
  });

  it('reads MAIL_FROM as an address with an optional display name', () => {
    expect(loadConfig({ ...base, MAIL_FROM: 'intl@pnzgu.example' }).mailFrom).toEqual({ name: '', address: 'intl@pnzgu.example' });
    expect(loadConfig({ ...base, MAIL_FROM: 'PSU International Office <intl@pnzgu.example>' }).mailFrom).toEqual({
      name: 'PSU International Office',
      address: 'intl@pnzgu.example',
    });
    expect(loadConfig({ ...base, MAIL_FROM: '"Office, PSU" <intl@pnzgu.example>' }).mailFrom).toEqual({
      name: 'Office, PSU',
      address: 'intl@pnzgu.example',
    });
  });

  it('refuses a sender that is no address and an ORIGIN that is no web address', () => {
    for (const MAIL_FROM of ['International Office', 'Office <not-an-address>', 'a@b.example, c@d.example', '<a@b.example> trailing']) {
      expect(() => loadConfig({ ...base, MAIL_FROM }), MAIL_FROM).toThrow(ConfigError);
    }
    expect(() => loadConfig({ ...base, MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM: must be an e-mail address/);
    expect(() => loadConfig({ ...base, ORIGIN: 'ftp://exchange.example.edu' })).toThrow(/ORIGIN: must be an http/);
  });
});
