/**
 * A small history router: the URL is the app's state (shareable, back button
 * works). Same-origin link clicks become `navigate` calls.
 */

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects, typing). */
  replace?: boolean;
  /**
   * A change within the page (a facet tick, a typeahead pick): the URL and
   * history change, but the scroll position and the focus stay where the
   * user is working.
   */
  inPage?: boolean;
}

/** What a history entry remembers of its page: where it was scrolled to when the user left it. */
interface EntryState {
  scrollY?: number;
}

export class Router {
  path = $state(location.pathname);
  search = $state(location.search);
  /** Counts navigations that add history, so the app can move focus to the new page. */
  visits = $state(0);
  /** After Back or Forward: the scroll position the entry was left at (null after a new navigation). */
  restoredScroll: number | null = null;

  constructor() {
    addEventListener('popstate', (event) => {
      const state = event.state as EntryState | null;
      this.restoredScroll = typeof state?.scrollY === 'number' ? state.scrollY : null;
      this.#sync(true);
    });
  }

  /** Whether the current entry was reached with Back or Forward (so a page may restore what it showed). */
  get restoring(): boolean {
    return this.restoredScroll !== null;
  }

  get query(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  navigate(url: string, { replace = false, inPage = false }: NavigateOptions = {}): void {
    const target = new URL(url, location.href);
    if (target.pathname + target.search === location.pathname + location.search) return;
    // The page being left remembers its scroll position, for Back.
    if (!replace) history.replaceState({ ...(history.state as EntryState | null), scrollY } satisfies EntryState, '');
    history[replace ? 'replaceState' : 'pushState'](null, '', target.pathname + target.search + target.hash);
    this.restoredScroll = null;
    this.#sync(!replace && !inPage);
    if (!replace && !inPage) scrollTo(0, 0);
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
