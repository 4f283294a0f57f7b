/** Real mail through SMTP (nodemailer), when SMTP_URL is configured. */
import nodemailer from 'nodemailer';
import type { Logger } from '../log.ts';
import type { Outbox } from './outbox.ts';

export function smtpOutbox(smtpUrl: string, from: string, log: Logger): Outbox {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        // The server's reply may carry addresses or credentials: log it, show the caller nothing of it.
        log.error('could not send mail', { kind: message.kind, reason: (error as Error).message });
        // eslint-disable-next-line preserve-caught-error -- the cause is logged above and deliberately not passed on
        throw new Error('could not send mail');
      }
    },
    async close() {
      transport.close();
    },
  };
}
