/** Who may do what: the role rules in one place. */
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Role, Viewer } from '../viewer.ts';

/** Roles that may search earners and read their profiles (admin sees what an employer sees). */
export const DIRECTORY_ROLES: readonly Role[] = ['employer', 'agency', 'admin'];

/** Roles that may read skill-gap reports (aggregate, suppressed counts). */
export const REPORT_ROLES: readonly Role[] = ['agency', 'admin'];

/** Roles that may send contact requests to earners. */
export const CONTACT_ROLES: readonly Role[] = ['employer'];

export function requireDirectoryAccess(viewer: Viewer): void {
  if (viewer.role === 'anonymous') throw new UnauthenticatedError('Sign in as an employer or agency to use the directory.');
  if (!DIRECTORY_ROLES.includes(viewer.role)) throw new ForbiddenError('The directory is open to employer, agency and admin accounts.');
}

/** A signed-in account of any role; returns its id. */
export function requireSignedIn(viewer: Viewer): string {
  if (viewer.role === 'anonymous' || !viewer.accountId) throw new UnauthenticatedError('Sign in first.');
  return viewer.accountId;
}

/** An earner who claimed a profile; returns the earner id. Only earners manage directory settings and their data. */
export function requireEarner(viewer: Viewer): string {
  requireSignedIn(viewer);
  if (viewer.role !== 'earner' || !viewer.earnerId) throw new ForbiddenError('Only an earner who claimed their profile can do this.');
  return viewer.earnerId;
}

/** An employer account; returns its id. */
export function requireContactSender(viewer: Viewer): string {
  const accountId = requireSignedIn(viewer);
  if (!CONTACT_ROLES.includes(viewer.role)) throw new ForbiddenError('Only employer accounts can contact earners.');
  return accountId;
}

/** Either side of contact requests: the employer who sent them or the earner they were sent to. */
export function requireContactParty(viewer: Viewer): { employerAccountId: string } | { earnerId: string } {
  const accountId = requireSignedIn(viewer);
  if (viewer.role === 'earner' && viewer.earnerId) return { earnerId: viewer.earnerId };
  if (CONTACT_ROLES.includes(viewer.role)) return { employerAccountId: accountId };
  throw new ForbiddenError('Contact requests are for employer and earner accounts.');
}

export function requireReportAccess(viewer: Viewer): void {
  if (viewer.role === 'anonymous') throw new UnauthenticatedError('Sign in as an agency or admin to read skill-gap reports.');
  if (!REPORT_ROLES.includes(viewer.role)) throw new ForbiddenError('Skill-gap reports are open to agency and admin accounts.');
}

export function requireAdmin(viewer: Viewer): void {
  requireSignedIn(viewer);
  if (viewer.role !== 'admin') throw new ForbiddenError('Only admin accounts can do this.');
}
