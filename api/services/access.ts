/** Who may use the directory: the role rules in one place. */
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Role, Viewer } from '../viewer.ts';

/** Roles that may search earners and read their profiles. */
export const DIRECTORY_ROLES: readonly Role[] = ['employer', 'agency', 'admin'];

export function requireDirectoryAccess(viewer: Viewer): void {
  if (viewer.role === 'anonymous') throw new UnauthenticatedError('Sign in as an employer or agency to use the directory.');
  if (!DIRECTORY_ROLES.includes(viewer.role)) throw new ForbiddenError('The directory is open to employer, agency and admin accounts.');
}
