/** The one alert message an employer gets per run: every saved search with new matches. Pure. */
import type { OutgoingMessage } from '../outbox/outbox.ts';
import type { MatchedEarner } from './matches.ts';

export interface DigestSection {
  searchName: string;
  earners: MatchedEarner[];
}

/** Earners listed per search in the message; the rest are counted. */
const SHOWN_PER_SEARCH = 25;

export function savedSearchDigest(to: string, sections: readonly DigestSection[], publicUrl: string): OutgoingMessage {
  const total = sections.reduce((sum, section) => sum + section.earners.length, 0);
  const lines = [`${total} ${total === 1 ? 'earner newly matches' : 'earners newly match'} your saved searches.`];
  for (const { searchName, earners } of sections) {
    lines.push('', `${searchName} (${earners.length} new):`);
    for (const earner of earners.slice(0, SHOWN_PER_SEARCH))
      lines.push(`- ${earner.name}: ${publicUrl}/earners/${encodeURIComponent(earner.id)}`);
    if (earners.length > SHOWN_PER_SEARCH) lines.push(`- and ${earners.length - SHOWN_PER_SEARCH} more`);
  }
  lines.push('', `Your saved searches: ${publicUrl}/saved-searches`);
  return {
    kind: 'saved-search-digest',
    to,
    subject: total === 1 ? 'A new earner matches your saved searches' : `${total} new earners match your saved searches`,
    text: lines.join('\n'),
  };
}
