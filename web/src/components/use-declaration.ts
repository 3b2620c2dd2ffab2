import { useEffect } from 'react';
import { useResource } from '../api/use-resource.ts';
import { PENDING, type DeclarationView, type HistoryEvent } from './declaration-types.ts';

/** A declaration and its history; while it is still moving through assessment and targeting, it is polled. */
export function useDeclaration(id: string) {
  const decl = useResource<DeclarationView>(`/api/v1/declarations/${encodeURIComponent(id)}`);
  const history = useResource<{ events: HistoryEvent[] }>(`/api/v1/declarations/${encodeURIComponent(id)}/history`);
  const pending = decl.data !== null && PENDING.has(decl.data.status) && !(decl.data.assessment && 'problems' in decl.data.assessment);
  const { reload: reloadDecl } = decl;
  const { reload: reloadHistory } = history;
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => {
      reloadDecl();
      reloadHistory();
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [pending, decl.data, reloadDecl, reloadHistory]);
  return {
    decl,
    history,
    reload: () => {
      reloadDecl();
      reloadHistory();
    },
  };
}
