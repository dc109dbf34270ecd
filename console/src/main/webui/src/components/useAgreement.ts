import { useEffect, useState } from 'react';
import { api, type Tenant } from '../api';
import { currentAgreement } from '../agreement';
import type { AgreementStatus } from '../types';

const REFRESH_MS = 5000;

/** The current agreement's status, re-read every few seconds so a walk-away shows within seconds. */
export function useAgreementStatus(tenant: Tenant): { status: AgreementStatus | null; error: string | null; loaded: boolean } {
  const [status, setStatus] = useState<AgreementStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () => api<AgreementStatus[]>(tenant, 'agreement/agreements/status')
      .then((all) => { if (live) { setStatus(currentAgreement(all)); setError(null); setLoaded(true); } })
      .catch((e: Error) => { if (live) { setError(e.message); setLoaded(true); } });
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => { live = false; window.clearInterval(timer); };
  }, [tenant]);
  return { status, error, loaded };
}

/** Ticks once a second, for countdowns. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
