// The lists the services page (a `limit` and the `cursor` of X-Next-Cursor): read a page at a time, the next one
// on request, for every list screen alike.
import type { ListPage } from './api';

/** What a screen holds of a paged list. */
export interface Paged<T> {
  items: T[];
  /** the next page's cursor; null after the last page */
  next: string | null;
  /** a page has been asked for and has not arrived */
  loading: boolean;
  /** at least one answer (a page or a refusal) has arrived */
  loaded: boolean;
  problem: string | null;
}

export const NOTHING_READ: Paged<never> = { items: [], next: null, loading: false, loaded: false, problem: null };

/** Reads the page after `cursor` (null: the first). */
export type ReadPage<T> = (cursor: string | null) => Promise<ListPage<T>>;

export interface Pager {
  /** Starts again at the first page (after a command, or on opening). */
  first: () => Promise<void>;
  /** Appends the next page; nothing after the last page or while a page is on its way. */
  more: () => Promise<void>;
  /** No answer is reported any more (the screen left, or its filters changed). */
  stop: () => void;
}

/**
 * One list read a page at a time. Only the latest request's answer counts: a first page asked for after a command
 * wins over a page still on its way, which would otherwise put back the list without what the command changed.
 */
export function pager<T>(read: ReadPage<T>, onChange: (state: Paged<T>) => void): Pager {
  let state: Paged<T> = NOTHING_READ;
  let latest = 0;
  const report = (next: Paged<T>) => { state = next; onChange(state); };
  const load = async (cursor: string | null) => {
    const request = ++latest;
    report({ ...state, loading: true });
    try {
      const page = await read(cursor);
      if (request !== latest) return;
      report({ items: cursor ? [...state.items, ...page.items] : page.items, next: page.next, loading: false,
        loaded: true, problem: null });
    } catch (e) {
      if (request !== latest) return;
      report({ ...state, loading: false, loaded: true, problem: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    first: () => load(null),
    more: () => (state.next && !state.loading ? load(state.next) : Promise.resolve()),
    stop: () => { latest++; },
  };
}

/** `path` with the filters that are set as query parameters (empty ones left out), for the service to apply. */
export function filteredPath(path: string, filters: Record<string, string>): string {
  const query = Object.entries(filters).filter(([, v]) => v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}
