import { useEffect, useState } from 'react';
import { api, apiKey } from './client.ts';

export interface Me {
  readonly id: string;
  readonly role: 'trader' | 'officer' | 'analyst' | 'admin';
  readonly name: string;
}

// One question per key for the life of the page: the role does not change while the key is the same.
const asked = new Map<string, Promise<Me | null>>();

/** The signed-in principal (null until known, or when the key is refused): pages shape themselves by role. */
export function useMe(): Me | null {
  const key = apiKey.get() ?? '';
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    if (key === '') return;
    let live = true;
    let p = asked.get(key);
    if (!p) {
      p = api<Me>('GET', '/api/v1/principals/me').then((r) => (r.ok ? r.data : null));
      asked.set(key, p);
    }
    void p.then((m) => {
      if (live) setMe(m);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return me;
}
