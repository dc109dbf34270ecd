import { useEffect, useMemo, useState } from 'react';
import { apiPage, type Tenant } from '../api';
import { NOTHING_READ, pager, type Paged } from '../paging';

/**
 * A list the service pages, `limit` at a time: the first page on opening and whenever `path` (with its filters)
 * changes, the next one on `more`, and `reload` to start again after a command.
 */
export function usePagedList<T>(tenant: Tenant, path: string, limit: number):
  Paged<T> & { more: (() => void) | null; reload: () => Promise<void> } {
  const [state, setState] = useState<Paged<T>>(NOTHING_READ);
  const list = useMemo(() => pager<T>((cursor) => apiPage<T>(tenant, path, limit, cursor), setState),
    [tenant, path, limit]);
  useEffect(() => {
    setState(NOTHING_READ);
    list.first();
    return list.stop;
  }, [list]);
  return { ...state, more: state.next ? list.more : null, reload: list.first };
}
