import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEarners, startAccountApi, type AccountApi } from '../support/account-api.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

describe('the SMTP outbox, when SMTP_URL is configured', () => {
  let sink: SmtpSink;
  let t: AccountApi;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startAccountApi('smtp-outbox', { SMTP_URL: sink.url, MAIL_FROM: 'Directory <directory@talent.test>' });
    await seedEarners(t.client, t.prefix, [{ earnerId: 'earner-gil', email: 'gil@example.org', name: 'Gil Mail', badges: 1 }]);
  });
  afterAll(async () => {
    await t?.cleanup();
    await sink?.close();
  });

  it('sends the claim link as mail, and writes no file', async () => {
    const result = await t.gql('mutation { requestClaimLink(email: "gil@example.org") { message } }');
    expect(result.body.errors).toBeUndefined();
    await t.api.idle();
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail).toMatchObject({ from: 'directory@talent.test', to: ['gil@example.org'] });
    expect(mail.data).toMatch(/^Subject: Claim your profile in the talent directory/m);
    expect(mail.data.replace(/=\r\n/g, '')).toMatch(/https:\/\/talent\.test\/claim\?token=[A-Za-z0-9_-]{43}/);
    expect(t.outbox()).toEqual([]);
  });
});
