/** The signed-in session, kept in localStorage so a reload stays signed in (the token expires on its own). */
import type { ViewerFieldsFragment } from './graphql/generated';

export interface StoredSession {
  token: string;
  expiresAt: string;
  viewer: ViewerFieldsFragment;
}

const KEY = 'talent-directory.session';

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export function currentToken(): string | null {
  return readSession()?.token ?? null;
}
