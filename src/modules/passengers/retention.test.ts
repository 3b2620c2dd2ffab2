import { describe, expect, it } from 'vitest';
import { dueForDeletion } from './retention.ts';

describe('dueForDeletion', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const records = [
    { id: 'old', arrivalAt: '2026-08-01' },
    { id: 'edge-kept', arrivalAt: '2026-09-02T00:00' },
    { id: 'recent', arrivalAt: '2026-11-30T15:45' },
    { id: 'held', arrivalAt: '2025-01-01', legalHold: true },
    { id: 'garbled', arrivalAt: 'not a date' },
  ];

  it('deletes what arrived before now − period, keeps legal holds, and treats unreadable dates as due', () => {
    // 90 days before 2026-12-01 is 2026-09-02T00:00Z: records strictly before it are due.
    const r = dueForDeletion(records, now, { retentionDays: 90 });
    expect(r.ok && r.value).toEqual({
      cutoff: '2026-09-02T00:00:00.000Z',
      deleteIds: ['old', 'garbled'],
      keptOnHold: ['held'],
    });
  });

  it('follows the configured period', () => {
    const r = dueForDeletion(records, now, { retentionDays: 1 });
    expect(r.ok && r.value.deleteIds).toEqual(['old', 'edge-kept', 'garbled']);
  });

  it('refuses a period that is not a whole number of days', () => {
    expect(dueForDeletion(records, now, { retentionDays: 0 }).ok).toBe(false);
    expect(dueForDeletion(records, now, { retentionDays: 1.5 }).ok).toBe(false);
  });
});
