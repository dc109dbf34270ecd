import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Tenant } from '../api';

/**
 * A read the screen repeats after each command. Only the answer to the latest request is kept: a slow first read
 * that arrives after the re-read a save started would otherwise put back the list without what was just saved.
 */
export function useLatest<T>(tenant: Tenant, path: string): {
  data: T | null; problem: string | null; reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const answer = await api<T>(tenant, path);
      if (request === latest.current) { setData(answer); setProblem(null); }
    } catch (e) {
      if (request === latest.current) setProblem(e instanceof Error ? e.message : String(e));
    }
  }, [tenant, path]);
  useEffect(() => { reload(); }, [reload]);
  return { data, problem, reload };
}
