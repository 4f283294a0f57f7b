/**
 * The earner's settings form: its fields, filled from saved settings, and
 * the change to send (only what differs, since a field left out stays as it
 * is; an emptied text field clears the value).
 */
import type { ContactChannel, DirectorySettingsInput } from './graphql/generated';
import type { MySettings } from './my-directory.svelte';

export interface SettingsForm {
  listed: boolean;
  statsOptIn: boolean;
  contactable: boolean;
  contactChannel: ContactChannel | '';
  contactValue: string;
  displayName: string;
  headline: string;
  city: string;
  region: string;
  country: string;
  openTo: string[];
  hiddenBadges: string[];
}

export function formFromSettings(settings: MySettings): SettingsForm {
  return {
    listed: settings.listed,
    statsOptIn: settings.statsOptIn,
    contactable: settings.contactable,
    contactChannel: settings.contactChannel ?? '',
    contactValue: settings.contactValue ?? '',
    displayName: settings.displayName ?? '',
    headline: settings.headline ?? '',
    city: settings.location?.city ?? '',
    region: settings.location?.region ?? '',
    country: settings.location?.country ?? '',
    openTo: [...settings.openTo],
    hiddenBadges: [...settings.hiddenBadges],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function settingsChange(form: SettingsForm, saved: MySettings): DirectorySettingsInput {
  const before = formFromSettings(saved);
  const input: DirectorySettingsInput = {};
  if (form.listed !== before.listed) input.listed = form.listed;
  if (form.statsOptIn !== before.statsOptIn) input.statsOptIn = form.statsOptIn;
  if (form.contactChannel !== before.contactChannel || form.contactValue.trim() !== before.contactValue) {
    const complete = form.contactChannel !== '' && form.contactValue.trim() !== '';
    input.contactChannel = complete ? (form.contactChannel as ContactChannel) : null;
    input.contactValue = complete ? form.contactValue.trim() : null;
  }
  if (form.contactable !== before.contactable) input.contactable = form.contactable;
  if (form.displayName.trim() !== before.displayName) input.displayName = orNull(form.displayName);
  if (form.headline.trim() !== before.headline) input.headline = orNull(form.headline);
  const place = [form.city, form.region, form.country].map((v) => v.trim());
  if (place.join('|') !== [before.city, before.region, before.country].join('|')) {
    const [city = '', region = '', country = ''] = place;
    input.location = city || region || country ? { city, region: region.toUpperCase(), country: country.toUpperCase() } : null;
  }
  if (!sameSet(form.openTo, before.openTo)) input.openTo = form.openTo;
  if (!sameSet(form.hiddenBadges, before.hiddenBadges)) input.hiddenBadges = form.hiddenBadges;
  return input;
}

/**
 * The contact value once the channel changes: a value typed for one channel
 * (a phone number) never stays under another (an email address). Going back
 * to the saved channel brings its saved value back; otherwise it is cleared.
 */
export function contactValueAfterChannelChange(
  value: string,
  from: SettingsForm['contactChannel'],
  to: SettingsForm['contactChannel'],
  saved: MySettings,
): string {
  if (from === to) return value;
  if (to !== '' && to === (saved.contactChannel ?? '')) return saved.contactValue ?? '';
  return '';
}
