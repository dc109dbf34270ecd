import { describe, expect, it } from 'vitest';
import type { ListPage } from './api';
import { pagePath } from './api';
import { filteredPath, pager, type Paged } from './paging';

/** A service's list of `all`, `size` a page, the cursor the index of the page's first item; the paths asked for. */
function service(all: string[], size: number) {
  const asked: (string | null)[] = [];
  const read = async (cursor: string | null): Promise<ListPage<string>> => {
    asked.push(cursor);
    const from = cursor ? Number(cursor) : 0;
    const to = from + size;
    return { items: all.slice(from, to), next: to < all.length ? String(to) : null };
  };
  return { read, asked };
}

/** A read that answers only when the test says so, to put answers out of order. */
function held() {
  const waiting: { cursor: string | null; answer: (page: ListPage<string>) => void; fail: (e: Error) => void }[] = [];
  const read = (cursor: string | null) => new Promise<ListPage<string>>((answer, fail) => waiting.push({ cursor, answer, fail }));
  return { read, waiting };
}

function watch() {
  const states: Paged<string>[] = [];
  return { states, onChange: (s: Paged<string>) => { states.push(s); }, last: () => states[states.length - 1] };
}

describe('a list read a page at a time', () => {
  it('reads the first page, then each next one with the cursor the service gave, until it gives none', async () => {
    const { read, asked } = service(['a', 'b', 'c', 'd', 'e'], 2);
    const seen = watch();
    const list = pager(read, seen.onChange);
    await list.first();
    expect(seen.last()).toMatchObject({ items: ['a', 'b'], next: '2', loaded: true, loading: false });
    await list.more();
    await list.more();
    expect(seen.last()).toMatchObject({ items: ['a', 'b', 'c', 'd', 'e'], next: null });
    await list.more(); // after the last page: nothing more is asked for
    expect(asked).toEqual([null, '2', '4']);
  });

  it('starts again at the first page on reload, replacing what was read', async () => {
    const all = ['a', 'b', 'c'];
    const { read, asked } = service(all, 2);
    const seen = watch();
    const list = pager(read, seen.onChange);
    await list.first();
    await list.more();
    all.unshift('new');
    await list.first();
    expect(seen.last()).toMatchObject({ items: ['new', 'a'], next: '2' });
    expect(asked).toEqual([null, '2', null]);
  });

  it('keeps only the latest answer: a page still on its way when the list is read again is dropped', async () => {
    const { read, waiting } = held();
    const seen = watch();
    const list = pager(read, seen.onChange);
    list.first();
    waiting[0].answer({ items: ['a'], next: 'p2' });
    await Promise.resolve();
    await Promise.resolve();
    list.more();
    list.first(); // e.g. after a command
    waiting[2].answer({ items: ['saved', 'a'], next: 'p2' });
    waiting[1].answer({ items: ['b'], next: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.last()).toMatchObject({ items: ['saved', 'a'], next: 'p2', loading: false });
  });

  it('asks for one next page at a time (a second click while one is on its way does nothing)', async () => {
    const { read, waiting } = held();
    const list = pager(read, () => {});
    list.first();
    waiting[0].answer({ items: ['a'], next: 'p2' });
    await new Promise((r) => setTimeout(r, 0));
    list.more();
    list.more();
    expect(waiting.map((w) => w.cursor)).toEqual([null, 'p2']);
  });

  it('reports a refusal and keeps what was read; after stop no answer is reported', async () => {
    const { read, waiting } = held();
    const seen = watch();
    const list = pager(read, seen.onChange);
    list.first();
    waiting[0].answer({ items: ['a'], next: 'p2' });
    await new Promise((r) => setTimeout(r, 0));
    list.more();
    waiting[1].fail(new Error('cursor is not one this list gave'));
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.last()).toMatchObject({ items: ['a'], problem: 'cursor is not one this list gave', loading: false });

    list.first();
    const reported = seen.states.length;
    list.stop(); // the screen's filters changed
    waiting[2].answer({ items: ['other filter'], next: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.states.length).toBe(reported);
  });
});

describe('filters with the cursor', () => {
  it('puts the filters that are set in the path and the page after them', () => {
    expect(filteredPath('transparency/tests', { state: '' })).toBe('transparency/tests');
    const path = filteredPath('exercise/exercises', { status: 'APPROVED', host: 'NATO' });
    expect(path).toBe('exercise/exercises?status=APPROVED&host=NATO');
    // the next page keeps the filters: the service's cursor pages the filtered list
    expect(pagePath(path, 20, 'abc')).toBe('exercise/exercises?status=APPROVED&host=NATO&limit=20&cursor=abc');
    expect(filteredPath('x?a=1', { b: 'x y' })).toBe('x?a=1&b=x%20y');
  });
});
