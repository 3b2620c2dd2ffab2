import { describe, expect, it } from 'vitest';
import type { PassengersRepo, PurgeCounts } from '../../adapters/store/passengers.repo.ts';
import { purgePassengerData, startRetentionJob } from './retention.job.ts';

const DAY = 86_400_000;

function fakeRepo(): { repo: PassengersRepo; calls: [Date, Date][] } {
  const calls: [Date, Date][] = [];
  const repo = {
    purge: async (now: Date, before: Date): Promise<PurgeCounts> => {
      calls.push([now, before]);
      return { declarations: 0, arrivals: 0, gateUses: 0 };
    },
  } as unknown as PassengersRepo;
  return { repo, calls };
}

describe('passenger retention', () => {
  it('deletes gate uses after the retention period, but never before passes can no longer be presented', async () => {
    const now = new Date('2026-12-10T00:00:00Z');
    const { repo, calls } = fakeRepo();
    await purgePassengerData(repo, now, 30);
    await purgePassengerData(repo, now, 1);
    expect(calls.map(([, before]) => (now.getTime() - before.getTime()) / DAY)).toEqual([30, 3]);
  });

  it('runs at start, and stopping waits for the run in flight', async () => {
    let finished = false;
    let release = (): void => {};
    const run = () =>
      new Promise<PurgeCounts>((resolve) => {
        release = () => {
          finished = true;
          resolve({ declarations: 2, arrivals: 0, gateUses: 0 });
        };
      });
    const logs: string[] = [];
    const stop = startRetentionJob(run, 60_000, (m) => logs.push(m));
    const stopped = stop();
    setTimeout(() => release(), 10);
    await stopped;
    expect(finished).toBe(true);
    expect(logs).toEqual(['passengers retention: deleted 2 declarations, 0 arrivals, 0 gate uses']);
  });
});
