/** Whether a contact value suits its channel. Pure. */
import type { ContactChannel } from '../../mappings/directory-settings.ts';
import { isEmailAddress } from '../accounts/identity.ts';

const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;

/** Undefined when the value is fine, else what is wrong with it. */
export function contactValueProblem(channel: ContactChannel, value: string): string | undefined {
  switch (channel) {
    case 'email':
      return isEmailAddress(value) ? undefined : 'must be an email address such as name@example.org';
    case 'phone': {
      const digits = value.replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 7 && digits <= 15
        ? undefined
        : 'must be a phone number such as +1 614 555 0100 (7 to 15 digits)';
    }
    case 'url': {
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      return url && url.protocol === 'https:' && url.hostname.includes('.') && value.length <= 500
        ? undefined
        : 'must be an https:// address such as https://example.org/me';
    }
  }
}
