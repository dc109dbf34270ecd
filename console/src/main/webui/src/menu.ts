// Which screens a user's roles open. The services decide what each role may do; the menu only avoids showing
// screens and actions that would be refused.

export type ScreenId = 'overview' | 'picture' | 'liaison';

export interface MenuItem {
  id: ScreenId;
  label: string;
  roles: string[] | 'any';
}

export const MENU: MenuItem[] = [
  { id: 'overview', label: 'Agreement', roles: 'any' },
  { id: 'picture', label: 'Picture', roles: ['analyst', 'fusion-operator'] },
  { id: 'liaison', label: 'Liaison actions', roles: ['liaison'] },
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

/** The liaison's agreement commands: only a liaison may give them (the service refuses everyone else). */
export function canActAsLiaison(roles: readonly string[]): boolean {
  return roles.includes('liaison');
}
