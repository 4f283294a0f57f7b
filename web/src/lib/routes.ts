/** The app's pages by path; `matchRoute` is pure so it is easy to reason about. */

export type Route =
  | { name: 'home' }
  | { name: 'catalog' }
  | { name: 'sign-in' }
  | { name: 'reset-password' }
  | { name: 'employer-access' }
  | { name: 'admin-signups' }
  | { name: 'search' }
  | { name: 'earner'; id: string }
  | { name: 'contacts' }
  | { name: 'saved-searches' }
  | { name: 'shortlists' }
  | { name: 'claim' }
  | { name: 'my-settings' }
  | { name: 'my-preview' }
  | { name: 'my-requests' }
  | { name: 'reports' }
  | { name: 'not-found' };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return { name: 'home' };
  if (clean === '/catalog') return { name: 'catalog' };
  if (clean === '/sign-in') return { name: 'sign-in' };
  if (clean === '/reset-password') return { name: 'reset-password' };
  if (clean === '/employer-access') return { name: 'employer-access' };
  if (clean === '/admin/sign-up-requests') return { name: 'admin-signups' };
  if (clean === '/search') return { name: 'search' };
  if (clean === '/contacts') return { name: 'contacts' };
  if (clean === '/saved-searches') return { name: 'saved-searches' };
  if (clean === '/shortlists') return { name: 'shortlists' };
  if (clean === '/claim') return { name: 'claim' };
  if (clean === '/me') return { name: 'my-settings' };
  if (clean === '/me/preview') return { name: 'my-preview' };
  if (clean === '/me/requests') return { name: 'my-requests' };
  if (clean === '/reports' || clean.startsWith('/reports/')) return { name: 'reports' };
  const earner = /^\/earners\/([^/]+)$/.exec(clean);
  if (earner?.[1]) return { name: 'earner', id: decodeURIComponent(earner[1]) };
  return { name: 'not-found' };
}

export function earnerPath(id: string): string {
  return `/earners/${encodeURIComponent(id)}`;
}
