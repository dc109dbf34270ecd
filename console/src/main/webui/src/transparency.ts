// The transparency officer's screen: which disclosures are whose, the inventory form, and the service's field
// errors placed next to the fields they name.
import { filteredPath } from './paging';
import type { Disclosure, PartyName, Problem } from './types';

export function otherParty(party: PartyName): PartyName {
  return party === 'NATO' ? 'RUSSIA' : 'NATO';
}

/** One party's disclosures, as the service filters them (`party`), so each party's list has its own pages. */
export function disclosuresOf(party: PartyName): string {
  return filteredPath('transparency/disclosures', { party });
}

/**
 * The caller's own party's disclosures (drafts too) and the other party's released ones. The service never sends
 * the other party's drafts; should one arrive anyway, the screen still leaves it out.
 */
export function splitDisclosures(all: readonly Disclosure[], own: PartyName): { own: Disclosure[]; other: Disclosure[] } {
  const order = (a: Disclosure, b: Disclosure) =>
    b.round.localeCompare(a.round) || a.kind.localeCompare(b.kind) || b.version - a.version;
  return {
    own: all.filter((d) => d.party === own).sort(order),
    other: all.filter((d) => d.party !== own && d.status !== 'DRAFT').sort(order),
  };
}

export const COMPONENT_TYPES = ['INTERCEPTOR_SITE', 'LAUNCHER', 'RADAR', 'COMMAND_CENTRE'] as const;
export const COMPONENT_STATUSES = ['OPERATIONAL', 'UNDER_CONSTRUCTION', 'PLANNED', 'INACTIVE'] as const;

/** One row of the inventory form, as typed (numbers stay text until sent, so a wrong one reaches the service). */
export interface ComponentRow {
  type: string;
  designation: string;
  count: string;
  lat: string;
  lon: string;
  status: string;
}

export const emptyComponent = (): ComponentRow =>
  ({ type: 'INTERCEPTOR_SITE', designation: '', count: '', lat: '', lon: '', status: 'OPERATIONAL' });

/** Text → number for the request; empty stays missing, text that is not a number is sent as is for the service to name. */
export function numberOrText(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Text for the request, trimmed; empty stays missing so the service names it as required. */
export function textOrNull(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

/** The INVENTORY content the service expects, from the form's rows. */
export function inventoryContent(rows: readonly ComponentRow[]): { components: Record<string, unknown>[] } {
  return {
    components: rows.map((r) => ({
      type: r.type,
      designation: textOrNull(r.designation),
      count: numberOrText(r.count),
      lat: numberOrText(r.lat),
      lon: numberOrText(r.lon),
      status: r.status,
    })),
  };
}

/** The form's rows from a disclosure's INVENTORY content (to edit a draft). */
export function rowsOfInventory(content: Record<string, unknown>): ComponentRow[] {
  const components = Array.isArray(content.components) ? content.components as Record<string, unknown>[] : [];
  const text = (v: unknown) => (v == null ? '' : String(v));
  return components.map((c) => ({
    type: text(c.type), designation: text(c.designation), count: text(c.count), lat: text(c.lat), lon: text(c.lon),
    status: text(c.status),
  }));
}

/** field path → message, from a 400 problem's `errors`; the first message per field wins. */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (!(e.field in errors)) errors[e.field] = e.message;
  }
  return errors;
}

/** The path the service names for a component row's field, e.g. `content.components[2].lat`. */
export function componentField(index: number, name: keyof ComponentRow): string {
  return `content.components[${index}].${name}`;
}

/** Errors no field of the form shows (so the screen lists them under the form instead of losing them). */
export function unplacedErrors(errors: Record<string, string>, shownFields: readonly string[]): string[] {
  return Object.entries(errors).filter(([field]) => !shownFields.includes(field)).map(([f, m]) => `${f}: ${m}`);
}

/** "2026-H2" for a date: the half-year reporting round it falls in (UTC). */
export function roundOf(date: Date): string {
  return `${date.getUTCFullYear()}-H${date.getUTCMonth() < 6 ? 1 : 2}`;
}

/** A one-line summary of any kind's content for the lists. */
export function summarise(d: Disclosure): string {
  const c = d.content ?? {};
  const n = (key: string) => (Array.isArray(c[key]) ? (c[key] as unknown[]).length : 0);
  switch (d.kind) {
    case 'INVENTORY': return `${n('components')} component(s)`;
    case 'INTERCEPTOR_PERFORMANCE': return `${n('interceptors')} interceptor type(s)`;
    case 'DEPLOYMENT_PLAN': return `${n('phases')} phase(s)`;
    default: return '';
  }
}
