import { describe, expect, it } from 'vitest';
import {
  componentField, disclosuresOf, emptyComponent, fieldErrors, inventoryContent, otherParty, roundOf, rowsOfInventory,
  splitDisclosures, summarise, unplacedErrors,
} from './transparency';
import type { Disclosure } from './types';

const disclosure = (over: Partial<Disclosure>): Disclosure => ({
  id: 'x', party: 'NATO', kind: 'INVENTORY', round: '2026-H2', version: 1, status: 'SUBMITTED', access: 'OWN',
  content: { components: [] }, changeOccurredOn: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: null,
  submittedAt: null, allowedActions: [], ...over,
});

describe('transparency screen', () => {
  it('puts own disclosures (drafts too) apart from the other party released ones, never the other party drafts', () => {
    const all = [
      disclosure({ id: 'own-draft', status: 'DRAFT' }),
      disclosure({ id: 'own-old', round: '2026-H1' }),
      disclosure({ id: 'theirs', party: 'RUSSIA', access: 'RECIPROCAL' }),
      disclosure({ id: 'their-draft', party: 'RUSSIA', status: 'DRAFT' }),
      disclosure({ id: 'their-old', party: 'RUSSIA', status: 'SUPERSEDED' }),
    ];
    const { own, other } = splitDisclosures(all, 'NATO');
    expect(own.map((d) => d.id)).toEqual(['own-draft', 'own-old']);
    expect(other.map((d) => d.id)).toEqual(['theirs', 'their-old']);
    expect(splitDisclosures(all, 'RUSSIA').own.map((d) => d.id)).toContain('their-draft');
  });

  it('reads each party\'s disclosures as its own paged list, filtered by the service', () => {
    expect(disclosuresOf('NATO')).toBe('transparency/disclosures?party=NATO');
    expect(disclosuresOf(otherParty('NATO'))).toBe('transparency/disclosures?party=RUSSIA');
    expect(otherParty('RUSSIA')).toBe('NATO');
  });

  it('builds the inventory content, sending what is not a number as typed for the service to name', () => {
    const row = { ...emptyComponent(), designation: ' Site A ', count: '24', lat: '54.48', lon: 'east', status: 'PLANNED' };
    expect(inventoryContent([row])).toEqual({
      components: [{ type: 'INTERCEPTOR_SITE', designation: 'Site A', count: 24, lat: 54.48, lon: 'east', status: 'PLANNED' }],
    });
    expect(inventoryContent([emptyComponent()]).components[0]).toMatchObject({ designation: null, count: null, lat: null });
  });

  it('reads a draft back into the form', () => {
    const rows = rowsOfInventory({ components: [{ type: 'RADAR', designation: 'R1', count: 1, lat: 1.5, lon: -2, status: 'OPERATIONAL' }] });
    expect(rows).toEqual([{ type: 'RADAR', designation: 'R1', count: '1', lat: '1.5', lon: '-2', status: 'OPERATIONAL' }]);
    expect(rowsOfInventory({})).toEqual([]);
  });

  it('places the service field errors by their path and keeps the ones no field shows', () => {
    const errors = fieldErrors({
      status: 400, errors: [
        { field: 'content.components[0].lat', message: 'must be between -90 and 90' },
        { field: 'content.components[0].lat', message: 'second message' },
        { field: 'round', message: 'must look like 2026-H1 or 2026-H2' },
        { field: 'content', message: 'unknown field' },
      ],
    });
    expect(errors[componentField(0, 'lat')]).toBe('must be between -90 and 90');
    expect(errors.round).toContain('2026-H1');
    expect(unplacedErrors(errors, ['round', componentField(0, 'lat')])).toEqual(['content: unknown field']);
    expect(fieldErrors(null)).toEqual({});
  });

  it('names the reporting round of a date and summarises each kind', () => {
    expect(roundOf(new Date('2026-12-03T10:00:00Z'))).toBe('2026-H2');
    expect(roundOf(new Date('2027-06-30T23:59:59Z'))).toBe('2027-H1');
    expect(summarise(disclosure({ content: { components: [{}, {}] } }))).toBe('2 component(s)');
    expect(summarise(disclosure({ kind: 'DEPLOYMENT_PLAN', content: { phases: [{}] } }))).toBe('1 phase(s)');
  });
});
