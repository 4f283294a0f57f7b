/** Who is signed in: the session token and viewer, kept across reloads until it expires or the API refuses it. */
import { handleUnauthenticated, request } from './api';
import {
  ClaimProfileDocument,
  ResetPasswordDocument,
  CurrentViewerDocument,
  SignInDocument,
  SignOutDocument,
  type Role,
  type ViewerFieldsFragment,
} from './graphql/generated';
import { readSession, writeSession, type StoredSession } from './session-storage';

export class Session {
  current = $state<StoredSession | null>(readSession());
  /** Why the last session ended, shown on the sign-in page. */
  notice = $state<string | null>(null);

  constructor() {
    handleUnauthenticated(() => this.#end('Your session has ended. Please sign in again.'));
  }

  get viewer(): ViewerFieldsFragment | null {
    return this.current?.viewer ?? null;
  }

  get role(): Role {
    return this.current?.viewer.role ?? 'ANONYMOUS';
  }

  /** Employers, agencies and admins may search the directory. */
  get canSearch(): boolean {
    return this.role === 'EMPLOYER' || this.role === 'AGENCY' || this.role === 'ADMIN';
  }

  /** Skill-gap reports: workforce agencies and admins. */
  get canSeeReports(): boolean {
    return this.role === 'AGENCY' || this.role === 'ADMIN';
  }

  async signIn(email: string, password: string): Promise<ViewerFieldsFragment> {
    const { login } = await request(SignInDocument, { email, password });
    this.#start(login);
    return login.viewer;
  }

  async claim(token: string, password: string): Promise<ViewerFieldsFragment> {
    const { claimProfile } = await request(ClaimProfileDocument, { token, password });
    this.#start(claimProfile);
    return claimProfile.viewer;
  }

  /** Sets a new password with the one-time link's token, which signs in. */
  async resetPassword(token: string, password: string): Promise<ViewerFieldsFragment> {
    const { resetPassword } = await request(ResetPasswordDocument, { token, password });
    this.#start(resetPassword);
    return resetPassword.viewer;
  }

  async signOut(): Promise<void> {
    try {
      if (this.current) await request(SignOutDocument);
    } catch {
      // Signing out locally is what matters; the token expires on its own.
    }
    this.#end(null);
  }

  /** Forgets the session without asking the API (the account is gone, say), leaving `notice` for the sign-in page. */
  forget(notice: string | null): void {
    this.#end(notice);
  }

  /** Checks the stored token with the API (on start-up). */
  async refresh(): Promise<void> {
    if (!this.current) return;
    const { viewer } = await request(CurrentViewerDocument);
    if (this.current) this.current = { ...this.current, viewer };
  }

  #start(payload: { token: string; expiresAt: string; viewer: ViewerFieldsFragment }): void {
    this.current = { token: payload.token, expiresAt: payload.expiresAt, viewer: payload.viewer };
    this.notice = null;
    writeSession(this.current);
  }

  #end(notice: string | null): void {
    this.current = null;
    this.notice = notice;
    writeSession(null);
  }
}

export const session = new Session();

/** Where a role starts after signing in. */
export function homePathFor(role: Role): string {
  if (role === 'EARNER') return '/me';
  if (role === 'ANONYMOUS') return '/sign-in';
  if (role === 'AGENCY') return '/reports';
  return '/search';
}
