/** Checks of shortlist arguments, pure: each problem names the argument. */
import { SHORTLIST_STATUSES, type ShortlistStatus } from '../../mappings/shortlists.ts';
import { BadInputError } from '../errors.ts';
import { LIMITS } from '../search/limits.ts';
import { SHORTLIST_LIMITS } from './limits.ts';

export function checkShortlistId(id: string, argument = 'id'): string {
  if (id.trim() === '' || id.length > LIMITS.maxIdLength) throw new BadInputError(argument, 'No shortlist of yours has this id.');
  return id;
}

export function checkEarnerId(id: string): string {
  if (id.trim() === '') throw new BadInputError('earnerId', 'must not be empty');
  if (id.length > LIMITS.maxIdLength) throw new BadInputError('earnerId', `must be at most ${LIMITS.maxIdLength} characters`);
  return id;
}

export function checkShortlistName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new BadInputError('name', 'give the shortlist a name');
  if (trimmed.length > SHORTLIST_LIMITS.maxNameLength)
    throw new BadInputError('name', `must be at most ${SHORTLIST_LIMITS.maxNameLength} characters`);
  return trimmed;
}

export function checkNote(note: string | null | undefined): string | undefined {
  if (note === null || note === undefined) return undefined;
  if (note.length > SHORTLIST_LIMITS.maxNoteLength)
    throw new BadInputError('note', `must be at most ${SHORTLIST_LIMITS.maxNoteLength} characters`);
  return note;
}

export function checkStatus(status: string | null | undefined): ShortlistStatus | undefined {
  if (status === null || status === undefined) return undefined;
  if (!(SHORTLIST_STATUSES as readonly string[]).includes(status))
    throw new BadInputError('status', `must be one of ${SHORTLIST_STATUSES.join(', ')}`);
  return status as ShortlistStatus;
}
