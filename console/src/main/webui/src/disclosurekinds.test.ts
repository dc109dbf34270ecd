import { describe, expect, it } from 'vitest';
import {
  contentDetails, contentOf, deploymentPlanContent, emptyInterceptor, emptyPhase, emptyRows, emptySite,
  interceptorField, interceptorPerformanceContent, kindLabel, listField, phaseField, rowsOf, rowsOfDeploymentPlan,
  rowsOfInterceptorPerformance, shownFields, siteField, withoutRow, type DraftRows,
} from './disclosurekinds';
import { componentField, emptyComponent, fieldErrors, unplacedErrors } from './transparency';
import type { Disclosure } from './types';

const disclosure = (over: Partial<Disclosure>): Disclosure => ({
  id: 'x', party: 'NATO', kind: 'INVENTORY', round: '2026-H2', version: 1, status: 'DRAFT', access: 'OWN',
  content: {}, changeOccurredOn: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: null,
  submittedAt: null, allowedActions: [], ...over,
});

describe('interceptor performance form', () => {
  it('builds the content InterceptorPerformanceContent reads, sending what is not a number as typed', () => {
    const rows = [
      { interceptorType: ' SM-3 Block IIA ', maxRangeKm: '2500', maxAltitudeKm: '1050.5', burnoutVelocityKmS: '4.5' },
      { interceptorType: 'SM-6', maxRangeKm: 'far', maxAltitudeKm: '', burnoutVelocityKmS: ' 3 ' },
    ];
    expect(JSON.stringify(interceptorPerformanceContent(rows))).toBe(JSON.stringify({
      interceptors: [
        { interceptorType: 'SM-3 Block IIA', maxRangeKm: 2500, maxAltitudeKm: 1050.5, burnoutVelocityKmS: 4.5 },
        { interceptorType: 'SM-6', maxRangeKm: 'far', maxAltitudeKm: null, burnoutVelocityKmS: 3 },
      ],
    }));
    expect(interceptorPerformanceContent([emptyInterceptor()])).toEqual({
      interceptors: [{ interceptorType: null, maxRangeKm: null, maxAltitudeKm: null, burnoutVelocityKmS: null }],
    });
    expect(interceptorPerformanceContent([])).toEqual({ interceptors: [] });
  });

  it('reads a draft back into the form, and round-trips it', () => {
    const content = {
      interceptors: [{ interceptorType: 'SM-3', maxRangeKm: 700, maxAltitudeKm: 500, burnoutVelocityKmS: 4.5 }],
    };
    const rows = rowsOfInterceptorPerformance(content);
    expect(rows).toEqual([{ interceptorType: 'SM-3', maxRangeKm: '700', maxAltitudeKm: '500', burnoutVelocityKmS: '4.5' }]);
    expect(interceptorPerformanceContent(rows)).toEqual(content);
    expect(rowsOfInterceptorPerformance({})).toEqual([]);
    expect(rowsOfInterceptorPerformance({ interceptors: 'none' })).toEqual([]);
    expect(rowsOfInterceptorPerformance({ interceptors: [{ interceptorType: 'T' }] }))
      .toEqual([{ interceptorType: 'T', maxRangeKm: '', maxAltitudeKm: '', burnoutVelocityKmS: '' }]);
  });

  it('names the fields as the service does', () => {
    expect(interceptorField(0, 'burnoutVelocityKmS')).toBe('content.interceptors[0].burnoutVelocityKmS');
    expect(interceptorField(3, 'interceptorType')).toBe('content.interceptors[3].interceptorType');
  });
});

describe('deployment plan form', () => {
  const phases = [
    { name: ' Phase 1 ', startDate: '2027-01-01', endDate: '2027-06-30', sites: [
      { designation: ' Redzikowo ', lat: '54.48', lon: '17.1', count: '24' },
      { designation: 'Deveselu', lat: '44.08', lon: '24.4', count: 'many' },
    ] },
    { name: 'Phase 2', startDate: '', endDate: '2028-12-31', sites: [] },
  ];

  it('builds the content DeploymentPlanContent reads: phases in order, each with its sites', () => {
    expect(JSON.stringify(deploymentPlanContent(phases))).toBe(JSON.stringify({
      phases: [
        { name: 'Phase 1', startDate: '2027-01-01', endDate: '2027-06-30', sites: [
          { designation: 'Redzikowo', lat: 54.48, lon: 17.1, count: 24 },
          { designation: 'Deveselu', lat: 44.08, lon: 24.4, count: 'many' },
        ] },
        { name: 'Phase 2', startDate: null, endDate: '2028-12-31', sites: [] },
      ],
    }));
    expect(deploymentPlanContent([emptyPhase()])).toEqual({
      phases: [{ name: null, startDate: null, endDate: null,
        sites: [{ designation: null, lat: null, lon: null, count: null }] }],
    });
  });

  it('reads a draft back into the form, and round-trips it', () => {
    const content = {
      phases: [{ name: 'P1', startDate: '2027-01-01', endDate: '2027-02-01', sites: [
        { designation: 'S1', lat: -1.5, lon: 179, count: 0 },
      ] }, { name: 'P2', startDate: '2027-03-01', endDate: '2027-03-01', sites: [] }],
    };
    const rows = rowsOfDeploymentPlan(content);
    expect(rows).toEqual([
      { name: 'P1', startDate: '2027-01-01', endDate: '2027-02-01',
        sites: [{ designation: 'S1', lat: '-1.5', lon: '179', count: '0' }] },
      { name: 'P2', startDate: '2027-03-01', endDate: '2027-03-01', sites: [] },
    ]);
    expect(deploymentPlanContent(rows)).toEqual(content);
    expect(rowsOfDeploymentPlan({})).toEqual([]);
    expect(rowsOfDeploymentPlan({ phases: [{ name: 'P' }] }))
      .toEqual([{ name: 'P', startDate: '', endDate: '', sites: [] }]);
  });

  it('names phase and site fields as the service does', () => {
    expect(phaseField(1, 'startDate')).toBe('content.phases[1].startDate');
    expect(phaseField(0, 'sites')).toBe('content.phases[0].sites');
    expect(siteField(1, 0, 'lat')).toBe('content.phases[1].sites[0].lat');
    expect(emptySite()).toEqual({ designation: '', lat: '', lon: '', count: '' });
  });
});

describe('any kind of disclosure form', () => {
  it('starts a new one with one empty row and fills a draft from its content', () => {
    expect(emptyRows('INVENTORY')).toEqual({ kind: 'INVENTORY', rows: [emptyComponent()] });
    expect(emptyRows('INTERCEPTOR_PERFORMANCE')).toEqual({ kind: 'INTERCEPTOR_PERFORMANCE', rows: [emptyInterceptor()] });
    expect(emptyRows('DEPLOYMENT_PLAN')).toEqual({ kind: 'DEPLOYMENT_PLAN', rows: [emptyPhase()] });
    const draft = rowsOf('INTERCEPTOR_PERFORMANCE', { interceptors: [{ interceptorType: 'T', maxRangeKm: 1 }] });
    expect(draft.kind).toBe('INTERCEPTOR_PERFORMANCE');
    expect(contentOf(draft)).toEqual({
      interceptors: [{ interceptorType: 'T', maxRangeKm: 1, maxAltitudeKm: null, burnoutVelocityKmS: null }],
    });
    expect(contentOf(rowsOf('INVENTORY', { components: [] }))).toEqual({ components: [] });
    expect(contentOf(rowsOf('DEPLOYMENT_PLAN', { phases: [] }))).toEqual({ phases: [] });
  });

  it('names the kinds for the screen', () => {
    expect(kindLabel('INVENTORY')).toBe('inventory');
    expect(kindLabel('INTERCEPTOR_PERFORMANCE')).toBe('interceptor performance');
    expect(kindLabel('DEPLOYMENT_PLAN')).toBe('deployment plan');
    expect(listField('INTERCEPTOR_PERFORMANCE')).toBe('content.interceptors');
  });

  it('places the service errors beside the interceptor row and field they name', () => {
    const draft: DraftRows = { kind: 'INTERCEPTOR_PERFORMANCE', rows: [emptyInterceptor(), emptyInterceptor()] };
    const errors = fieldErrors({
      status: 400, errors: [
        { field: 'content.interceptors[1].burnoutVelocityKmS', message: 'must be greater than 0 and at most 12' },
        { field: 'content.interceptors[1].interceptorType', message: 'duplicates another entry\'s interceptor type' },
        { field: 'content.interceptors[0].maxRangeKm', message: 'is invalid: Cannot deserialize value of type `java.lang.Double`' },
        { field: 'content.interceptors[2].maxRangeKm', message: 'is required' },
        { field: 'content.interceptors', message: 'must list at least one interceptor type' },
        { field: 'changeOccurredOn', message: 'is required' },
      ],
    });
    const shown = shownFields(draft);
    expect(errors[interceptorField(1, 'burnoutVelocityKmS')]).toBe('must be greater than 0 and at most 12');
    expect(errors[interceptorField(1, 'interceptorType')]).toContain('duplicates');
    expect(errors[interceptorField(0, 'maxRangeKm')]).toContain('is invalid');
    expect(shown).toContain(interceptorField(1, 'burnoutVelocityKmS'));
    expect(shown).toContain(listField('INTERCEPTOR_PERFORMANCE'));
    // a row the form no longer has, and a field it has no input for, are listed under the form
    expect(unplacedErrors(errors, shown)).toEqual([
      'content.interceptors[2].maxRangeKm: is required', 'changeOccurredOn: is required',
    ]);
  });

  it('places the service errors beside the phase or the site within the phase they name', () => {
    const draft: DraftRows = { kind: 'DEPLOYMENT_PLAN', rows: [emptyPhase(), { ...emptyPhase(), sites: [emptySite(), emptySite()] }] };
    const shown = shownFields(draft);
    expect(shown).toEqual(expect.arrayContaining([
      'round', 'content.phases', 'content.phases[0].name', 'content.phases[0].startDate', 'content.phases[0].endDate',
      'content.phases[0].sites', 'content.phases[0].sites[0].designation', 'content.phases[1].sites[1].count',
    ]));
    expect(shown).not.toContain('content.phases[0].sites[1].lat');
    const errors = fieldErrors({
      status: 400, errors: [
        { field: 'content.phases[1].startDate', message: 'must not be before the previous phase\'s startDate (phases in order)' },
        { field: 'content.phases[1].endDate', message: 'must not be before startDate' },
        { field: 'content.phases[1].sites[1].lat', message: 'must be between -90 and 90' },
        { field: 'content.phases[0].sites[1].lat', message: 'must be between -90 and 90' },
      ],
    });
    expect(errors[phaseField(1, 'startDate')]).toContain('phases in order');
    expect(errors[siteField(1, 1, 'lat')]).toBe('must be between -90 and 90');
    expect(unplacedErrors(errors, shown)).toEqual(['content.phases[0].sites[1].lat: must be between -90 and 90']);
  });

  it('lists every inventory field as shown, as the inventory form always did', () => {
    const shown = shownFields({ kind: 'INVENTORY', rows: [emptyComponent()] });
    expect(shown).toEqual(['round', 'content.components', ...(['type', 'designation', 'count', 'lat', 'lon', 'status'] as const)
      .map((n) => componentField(0, n))]);
  });

  it('drops a removed row\'s errors and moves the later rows\' up with their rows', () => {
    const errors = {
      round: 'r',
      'content.phases': 'p',
      'content.phases[0].name': 'a',
      'content.phases[1].startDate': 'b',
      'content.phases[1].sites[0].lat': 'c',
      'content.phases[2].sites[3].count': 'd',
      'content.phases[10].name': 'e',
    };
    expect(withoutRow(errors, 'content.phases', 1)).toEqual({
      round: 'r',
      'content.phases': 'p',
      'content.phases[0].name': 'a',
      'content.phases[1].sites[3].count': 'd',
      'content.phases[9].name': 'e',
    });
    expect(withoutRow(errors, 'content.phases[2].sites', 1)).toEqual({
      round: 'r',
      'content.phases': 'p',
      'content.phases[0].name': 'a',
      'content.phases[1].startDate': 'b',
      'content.phases[1].sites[0].lat': 'c',
      'content.phases[2].sites[2].count': 'd',
      'content.phases[10].name': 'e',
    });
    expect(withoutRow({ 'content.interceptors[0].maxRangeKm': 'x' }, 'content.interceptors', 0)).toEqual({});
    expect(withoutRow({ 'content.interceptorsX[0]': 'x' }, 'content.interceptors', 0)).toEqual({ 'content.interceptorsX[0]': 'x' });
  });

  it('says what each kind declares in the lists', () => {
    expect(contentDetails(disclosure({ content: { components: [{ designation: 'Site A', count: 24 }] } })))
      .toBe('Site A (24)');
    expect(contentDetails(disclosure({ kind: 'INTERCEPTOR_PERFORMANCE', content: { interceptors: [
      { interceptorType: 'SM-3', maxRangeKm: 700 }, { interceptorType: 'SM-6', maxRangeKm: 240 }] } })))
      .toBe('SM-3 (700 km), SM-6 (240 km)');
    expect(contentDetails(disclosure({ kind: 'DEPLOYMENT_PLAN', content: { phases: [
      { name: 'P1', startDate: '2027-01-01', endDate: '2027-06-30', sites: [{}, {}] }] } })))
      .toBe('P1 (2027-01-01 – 2027-06-30, 2 site(s))');
    expect(contentDetails(disclosure({ kind: 'DEPLOYMENT_PLAN', content: {} }))).toBe('');
  });
});
