// The disclosure form for every kind transparency-service knows: the rows an officer types, the content JSON each
// kind's record (InventoryContent, InterceptorPerformanceContent, DeploymentPlanContent) expects, and the paths the
// service names in its field errors (`content.interceptors[0].maxRangeKm`, `content.phases[1].sites[0].lat`).
import {
  componentField, emptyComponent, inventoryContent, numberOrText, rowsOfInventory, textOrNull, type ComponentRow,
} from './transparency';
import type { Disclosure } from './types';

export type DisclosureKind = Disclosure['kind'];

export const DISCLOSURE_KINDS: readonly DisclosureKind[] = ['INVENTORY', 'INTERCEPTOR_PERFORMANCE', 'DEPLOYMENT_PLAN'];

/** "interceptor performance" for INTERCEPTOR_PERFORMANCE: how the screen names a kind in running text. */
export function kindLabel(kind: DisclosureKind): string {
  return kind.toLowerCase().replace(/_/g, ' ');
}

const text = (v: unknown) => (v == null ? '' : String(v));
const list = (content: Record<string, unknown> | null | undefined, key: string) =>
  (content && Array.isArray(content[key]) ? content[key] as (Record<string, unknown> | null)[] : [])
    .map((item) => item ?? {});

// ---------------------------------------------------------------- INTERCEPTOR_PERFORMANCE

/** One interceptor type's declared performance, as typed (numbers stay text until sent). */
export interface InterceptorRow {
  interceptorType: string;
  maxRangeKm: string;
  maxAltitudeKm: string;
  burnoutVelocityKmS: string;
}

export const emptyInterceptor = (): InterceptorRow =>
  ({ interceptorType: '', maxRangeKm: '', maxAltitudeKm: '', burnoutVelocityKmS: '' });

/** The INTERCEPTOR_PERFORMANCE content the service expects, from the form's rows. */
export function interceptorPerformanceContent(rows: readonly InterceptorRow[]): { interceptors: Record<string, unknown>[] } {
  return {
    interceptors: rows.map((r) => ({
      interceptorType: textOrNull(r.interceptorType),
      maxRangeKm: numberOrText(r.maxRangeKm),
      maxAltitudeKm: numberOrText(r.maxAltitudeKm),
      burnoutVelocityKmS: numberOrText(r.burnoutVelocityKmS),
    })),
  };
}

/** The form's rows from a disclosure's INTERCEPTOR_PERFORMANCE content (to edit a draft). */
export function rowsOfInterceptorPerformance(content: Record<string, unknown>): InterceptorRow[] {
  return list(content, 'interceptors').map((c) => ({
    interceptorType: text(c.interceptorType), maxRangeKm: text(c.maxRangeKm), maxAltitudeKm: text(c.maxAltitudeKm),
    burnoutVelocityKmS: text(c.burnoutVelocityKmS),
  }));
}

/** The path the service names for an interceptor row's field, e.g. `content.interceptors[0].maxRangeKm`. */
export function interceptorField(index: number, name: keyof InterceptorRow): string {
  return `content.interceptors[${index}].${name}`;
}

// ---------------------------------------------------------------- DEPLOYMENT_PLAN

/** A site a phase deploys to, as typed. */
export interface SiteRow {
  designation: string;
  lat: string;
  lon: string;
  count: string;
}

/** One phase of the plan (dates as the date inputs give them, `2027-03-01`), with its sites. */
export interface PhaseRow {
  name: string;
  startDate: string;
  endDate: string;
  sites: SiteRow[];
}

export type PhaseField = Exclude<keyof PhaseRow, 'sites'>;

export const emptySite = (): SiteRow => ({ designation: '', lat: '', lon: '', count: '' });

export const emptyPhase = (): PhaseRow => ({ name: '', startDate: '', endDate: '', sites: [emptySite()] });

/** The DEPLOYMENT_PLAN content the service expects, from the form's phases. */
export function deploymentPlanContent(rows: readonly PhaseRow[]): { phases: Record<string, unknown>[] } {
  return {
    phases: rows.map((p) => ({
      name: textOrNull(p.name),
      startDate: textOrNull(p.startDate),
      endDate: textOrNull(p.endDate),
      sites: p.sites.map((s) => ({
        designation: textOrNull(s.designation),
        lat: numberOrText(s.lat),
        lon: numberOrText(s.lon),
        count: numberOrText(s.count),
      })),
    })),
  };
}

/** The form's phases from a disclosure's DEPLOYMENT_PLAN content (to edit a draft). */
export function rowsOfDeploymentPlan(content: Record<string, unknown>): PhaseRow[] {
  return list(content, 'phases').map((p) => ({
    name: text(p.name), startDate: text(p.startDate), endDate: text(p.endDate),
    sites: list(p, 'sites').map((s) => ({
      designation: text(s.designation), lat: text(s.lat), lon: text(s.lon), count: text(s.count),
    })),
  }));
}

/** The path the service names for a phase's field, e.g. `content.phases[1].startDate`. */
export function phaseField(index: number, name: PhaseField | 'sites'): string {
  return `content.phases[${index}].${name}`;
}

/** The path the service names for a site's field, e.g. `content.phases[1].sites[0].lat`. */
export function siteField(phase: number, site: number, name: keyof SiteRow): string {
  return `content.phases[${phase}].sites[${site}].${name}`;
}

// ---------------------------------------------------------------- every kind

/** The form's rows, whichever kind it edits. */
export type DraftRows =
  | { kind: 'INVENTORY'; rows: ComponentRow[] }
  | { kind: 'INTERCEPTOR_PERFORMANCE'; rows: InterceptorRow[] }
  | { kind: 'DEPLOYMENT_PLAN'; rows: PhaseRow[] };

/** A new disclosure's form: one empty row to start from (an inventory may be saved with none). */
export function emptyRows(kind: DisclosureKind): DraftRows {
  switch (kind) {
    case 'INVENTORY': return { kind, rows: [emptyComponent()] };
    case 'INTERCEPTOR_PERFORMANCE': return { kind, rows: [emptyInterceptor()] };
    case 'DEPLOYMENT_PLAN': return { kind, rows: [emptyPhase()] };
  }
}

/** A draft's form, filled from its content. */
export function rowsOf(kind: DisclosureKind, content: Record<string, unknown>): DraftRows {
  switch (kind) {
    case 'INVENTORY': return { kind, rows: rowsOfInventory(content ?? {}) };
    case 'INTERCEPTOR_PERFORMANCE': return { kind, rows: rowsOfInterceptorPerformance(content ?? {}) };
    case 'DEPLOYMENT_PLAN': return { kind, rows: rowsOfDeploymentPlan(content ?? {}) };
  }
}

/** The request's `content` for the form's rows. */
export function contentOf(draft: DraftRows): Record<string, unknown> {
  switch (draft.kind) {
    case 'INVENTORY': return inventoryContent(draft.rows);
    case 'INTERCEPTOR_PERFORMANCE': return interceptorPerformanceContent(draft.rows);
    case 'DEPLOYMENT_PLAN': return deploymentPlanContent(draft.rows);
  }
}

/** The path of the kind's list itself, where the service reports e.g. "must list at least one interceptor type". */
export function listField(kind: DisclosureKind): string {
  switch (kind) {
    case 'INVENTORY': return 'content.components';
    case 'INTERCEPTOR_PERFORMANCE': return 'content.interceptors';
    case 'DEPLOYMENT_PLAN': return 'content.phases';
  }
}

const COMPONENT_FIELDS = ['type', 'designation', 'count', 'lat', 'lon', 'status'] as const;
const INTERCEPTOR_FIELDS = ['interceptorType', 'maxRangeKm', 'maxAltitudeKm', 'burnoutVelocityKmS'] as const;
const PHASE_FIELDS = ['name', 'startDate', 'endDate'] as const;
const SITE_FIELDS = ['designation', 'lat', 'lon', 'count'] as const;

/** Every path the form shows an error beside: anything else goes in the list under the form (`unplacedErrors`). */
export function shownFields(draft: DraftRows): string[] {
  const fields = ['round', listField(draft.kind)];
  switch (draft.kind) {
    case 'INVENTORY':
      draft.rows.forEach((_, i) => COMPONENT_FIELDS.forEach((n) => fields.push(componentField(i, n))));
      break;
    case 'INTERCEPTOR_PERFORMANCE':
      draft.rows.forEach((_, i) => INTERCEPTOR_FIELDS.forEach((n) => fields.push(interceptorField(i, n))));
      break;
    case 'DEPLOYMENT_PLAN':
      draft.rows.forEach((p, i) => {
        PHASE_FIELDS.forEach((n) => fields.push(phaseField(i, n)));
        fields.push(phaseField(i, 'sites'));
        p.sites.forEach((_, j) => SITE_FIELDS.forEach((n) => fields.push(siteField(i, j, n))));
      });
      break;
  }
  return fields;
}

/**
 * The errors still true of the form once row `index` of the list at `listPath` (e.g. `content.phases` or
 * `content.phases[0].sites`) is removed: that row's are dropped, later rows' move up one, so none shows beside a
 * row it was not reported for.
 */
export function withoutRow(errors: Record<string, string>, listPath: string, index: number): Record<string, string> {
  const left: Record<string, string> = {};
  const prefix = `${listPath}[`;
  for (const [field, message] of Object.entries(errors)) {
    const m = field.startsWith(prefix) ? /^(\d+)\](.*)$/.exec(field.slice(prefix.length)) : null;
    if (!m) {
      left[field] = message;
      continue;
    }
    const n = Number(m[1]);
    if (n === index) continue;
    left[n > index ? `${prefix}${n - 1}]${m[2]}` : field] = message;
  }
  return left;
}

/** What a disclosure declares, in a line for the lists: designations, interceptor types or phases. */
export function contentDetails(d: Disclosure): string {
  switch (d.kind) {
    case 'INVENTORY':
      return rowsOfInventory(d.content ?? {}).map((r) => `${r.designation} (${r.count})`).join(', ');
    case 'INTERCEPTOR_PERFORMANCE':
      return rowsOfInterceptorPerformance(d.content ?? {}).map((r) => `${r.interceptorType} (${r.maxRangeKm} km)`)
        .join(', ');
    case 'DEPLOYMENT_PLAN':
      return rowsOfDeploymentPlan(d.content ?? {})
        .map((p) => `${p.name} (${p.startDate} – ${p.endDate}, ${p.sites.length} site(s))`).join(', ');
    default:
      return '';
  }
}
