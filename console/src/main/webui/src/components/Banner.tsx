import type { Session } from '../types';

/** Who is logged in, for which party, with which roles. */
export function Banner({ session }: { session: Session }) {
  return (
    <header className={`banner ${session.party.toLowerCase()}`} data-testid="banner">
      <span className="party-name" data-testid="banner-party">{session.party}</span>
      <span className="user" data-testid="banner-user">{session.username}</span>
      <span className="roles" data-testid="banner-roles">{session.roles.join(', ') || 'no roles'}</span>
      <a className="logout" href={session.logoutPath}>Log out</a>
    </header>
  );
}
