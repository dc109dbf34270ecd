import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrfToken, tenantOfPath, type Tenant } from './api';
import { canOpen, homeScreen, menuFor, screenOfPath, type ScreenId } from './menu';
import type { Session } from './types';
import { Banner } from './components/Banner';
import { PartyPicker } from './components/PartyPicker';
import { Overview } from './components/Overview';
import { PicturePage } from './components/PicturePage';
import { LiaisonPage } from './components/LiaisonPage';
import { TransparencyPage } from './components/TransparencyPage';
import { ExercisesPage } from './components/ExercisesPage';
import { AuditPage } from './components/AuditPage';
import { ReachabilityPage } from './components/ReachabilityPage';

export function App() {
  const tenant = tenantOfPath(window.location.pathname);
  if (!tenant) return <PartyPicker />;
  return <Console tenant={tenant} />;
}

function Console({ tenant }: { tenant: Tenant }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [screen, setScreen] = useState<ScreenId | null>(screenOfPath(window.location.pathname));

  useEffect(() => {
    api<Session>(tenant, 'session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch((e: unknown) => setError(e instanceof ApiError && e.status === 401
        ? 'Your session has ended.' : String(e)));
  }, [tenant]);

  useEffect(() => {
    const onPop = () => setScreen(screenOfPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const open = useCallback((next: ScreenId) => {
    window.history.pushState(null, '', `/${tenant}/${next}`);
    setScreen(next);
  }, [tenant]);

  if (error) {
    return (
      <main className="message">
        <p role="alert">{error}</p>
        <a href={`/${tenant}/`}>Log in again</a>
      </main>
    );
  }
  if (!session) return <main className="message">Loading…</main>;

  const shown: ScreenId = screen && canOpen(screen, session.roles) ? screen : homeScreen(session.roles);
  return (
    <div className="console">
      <Banner session={session} />
      <nav className="menu" aria-label="Screens">
        {menuFor(session.roles).map((item) => (
          <button key={item.id} type="button" className={item.id === shown ? 'active' : ''}
            aria-current={item.id === shown ? 'page' : undefined} onClick={() => open(item.id)}>
            {item.label}
          </button>
        ))}
      </nav>
      <main className="screen">
        {shown === 'overview' && <Overview tenant={tenant} session={session} />}
        {shown === 'picture' && <PicturePage tenant={tenant} />}
        {shown === 'reachability' && <ReachabilityPage tenant={tenant} />}
        {shown === 'liaison' && <LiaisonPage tenant={tenant} />}
        {shown === 'transparency' && <TransparencyPage tenant={tenant} session={session} />}
        {shown === 'exercises' && <ExercisesPage tenant={tenant} session={session} />}
        {shown === 'audit' && <AuditPage tenant={tenant} />}
      </main>
    </div>
  );
}
