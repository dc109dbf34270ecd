// Which screens a user's roles open. The services decide what each role may do; the menu only avoids showing
// screens and actions that would be refused.

export type ScreenId = 'overview' | 'picture' | 'reachability' | 'liaison' | 'transparency' | 'exercises' | 'audit';

export const SCREENS: readonly ScreenId[] = ['overview', 'picture', 'reachability', 'liaison', 'transparency', 'exercises', 'audit'];

export interface MenuItem {
  id: ScreenId;
  label: string;
  roles: string[] | 'any';
}

export const MENU: MenuItem[] = [
  { id: 'overview', label: 'Agreement', roles: 'any' },
  { id: 'picture', label: 'Picture', roles: ['analyst', 'fusion-operator'] },
  { id: 'reachability', label: 'Reachability', roles: ['analyst'] },
  { id: 'liaison', label: 'Liaison actions', roles: ['liaison'] },
  { id: 'transparency', label: 'Transparency', roles: ['transparency-officer'] },
  { id: 'exercises', label: 'Exercises', roles: ['exercise-planner'] },
  { id: 'audit', label: 'Audit log', roles: ['auditor'] },
];

export function menuFor(roles: readonly string[]): MenuItem[] {
  return MENU.filter((item) => item.roles === 'any' || item.roles.some((r) => roles.includes(r)));
}

export function canOpen(screen: ScreenId, roles: readonly string[]): boolean {
  return menuFor(roles).some((item) => item.id === screen);
}

/** The first screen after login: the picture for those who work on it, the agreement for everyone else. */
export function homeScreen(roles: readonly string[]): ScreenId {
  return canOpen('picture', roles) ? 'picture' : 'overview';
}

/** The screen a page path names (/nato/audit → audit), or null. */
export function screenOfPath(pathname: string): ScreenId | null {
  const second = pathname.split('/')[2];
  return SCREENS.find((s) => s === second) ?? null;
}

/** The liaison's agreement commands: only a liaison may give them (the service refuses everyone else). */
export function canActAsLiaison(roles: readonly string[]): boolean {
  return roles.includes('liaison');
}
