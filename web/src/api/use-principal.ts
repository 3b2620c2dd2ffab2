import { useResource } from './use-resource.ts';

export interface Me {
  readonly id: string;
  readonly role: 'trader' | 'officer' | 'analyst' | 'admin';
  readonly name: string;
  readonly partyId: string | null;
}

/** The signed-in principal (GET /api/v1/principals/me), so pages offer only what its role may do. */
export function usePrincipal(): Me | null {
  return useResource<Me>('/api/v1/principals/me').data;
}
