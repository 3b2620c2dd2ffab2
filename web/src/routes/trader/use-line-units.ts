import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { baseUnit, type LineUnits } from './declaration-form.ts';

/** What the public reference API says of a line: enough to confirm the code and ask for its quantities. */
export interface LineInfo {
  readonly status: 'loading' | 'found' | 'notFound' | 'failed';
  readonly code9: string;
  readonly descriptionJa?: string;
  readonly descriptionPathJa?: string;
  readonly hsDescription?: string;
  readonly units?: readonly string[];
}

interface LineResponse {
  readonly code9: string;
  readonly descriptionJa: string;
  readonly descriptionPathJa: string;
  readonly units: readonly string[];
  readonly hs: { description?: string } | null;
}

/**
 * Looks up each item's line as soon as its code has 9 digits, once per code (answers are kept for the page's life).
 * The units come back as printed in the schedule (`KG\n(I.I.)`); only the unit itself is kept.
 */
export function useLineUnits(codes: readonly string[]): { infos: (LineInfo | undefined)[]; units: LineUnits[] } {
  const [cache, setCache] = useState<ReadonlyMap<string, LineInfo>>(new Map());
  const wanted = codes.map((c) => c.trim()).filter((c) => /^\d{9}$/.test(c));
  const missing = [...new Set(wanted.filter((c) => !cache.has(c)))];
  const key = missing.join(',');
  useEffect(() => {
    if (key === '') return;
    const todo = key.split(',');
    setCache((m) => {
      const n = new Map(m);
      for (const c of todo) if (!n.has(c)) n.set(c, { status: 'loading', code9: c });
      return n;
    });
    for (const c of todo) {
      void api<LineResponse>('GET', `/api/v1/reference/tariff-lines/${c}`).then((r) => {
        const info: LineInfo = r.ok
          ? {
              status: 'found',
              code9: c,
              descriptionJa: r.data.descriptionJa,
              descriptionPathJa: r.data.descriptionPathJa,
              ...(r.data.hs?.description ? { hsDescription: r.data.hs.description } : {}),
              units: r.data.units.map(baseUnit).filter((u) => u !== ''),
            }
          : { status: r.error.status === 404 ? 'notFound' : 'failed', code9: c };
        setCache((m) => new Map(m).set(c, info));
      });
    }
  }, [key]);
  const infos = codes.map((c) => cache.get(c.trim()));
  return { infos, units: infos.map((i) => (i?.status === 'found' ? i.units : undefined)) };
}
