/**
 * A small history router: the URL is the app's state (shareable, back button
 * works). Same-origin link clicks become `navigate` calls.
 */

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, typing). */
  replace?: boolean;
}

export class Router {
  path = $state(location.pathname);
  search = $state(location.search);
  /** Counts navigations that add history, so the app can move focus to the new page. */
  visits = $state(0);

  constructor() {
    addEventListener('popstate', () => this.#sync(true));
  }

  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  navigate(url: string, { replace = false }: NavigateOptions = {}): void {
    const target = new URL(url, location.href);
    if (target.pathname + target.search === location.pathname + location.search) return;
    history[replace ? 'replaceState' : 'pushState'](null, '', target.pathname + target.search + target.hash);
    this.#sync(!replace);
    if (!replace) scrollTo(0, 0);
  }

  #sync(counts: boolean): void {
    this.path = location.pathname;
    this.search = location.search;
    if (counts) this.visits++;
  }

  /** Handles clicks on same-origin links without a full page load. */
  interceptLinks(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(anchor.pathname + anchor.search + anchor.hash);
  }
}

export const router = new Router();
