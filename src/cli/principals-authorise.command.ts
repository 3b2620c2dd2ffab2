import { loadConfig } from '../config.ts';
import { PartiesRepo } from '../adapters/store/parties.repo.ts';
import { PrincipalsRepo } from '../adapters/store/principals.repo.ts';
import { CliUsageError, stringFlag, type Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { printJson } from './io.ts';

/**
 * `customs principals authorise --principal ID --party ID [--revoke]`: records that the party authorised the principal
 * (a customs broker) to declare for it, or withdraws it; prints the principal's authorisations.
 */
export async function run(args: Args): Promise<number> {
  const principalId = stringFlag(args, 'principal');
  const partyId = stringFlag(args, 'party');
  if (!principalId || !partyId) throw new CliUsageError('--principal ID and --party ID are required');
  const revoke = args.flags['revoke'] === true;
  const target = await databaseTarget(loadConfig());
  const base = `/api/v1/principals/${encodeURIComponent(principalId)}/authorisations`;
  if (target.kind === 'remote') {
    if (revoke) await callApi(target, 'DELETE', `${base}/${encodeURIComponent(partyId)}`);
    else await callApi(target, 'POST', base, { partyId });
    printJson(await callApi(target, 'GET', base));
    return 0;
  }
  try {
    const principals = new PrincipalsRepo(target.store.db);
    if (!(await principals.get(principalId))) throw new CliUsageError(`No principal "${principalId}"`);
    if (revoke) {
      if (!(await principals.revoke(principalId, partyId))) throw new CliUsageError(`Principal "${principalId}" has no authorisation from party "${partyId}"`);
    } else {
      if (!(await new PartiesRepo(target.store.db).refresh(partyId))) throw new CliUsageError(`No party "${partyId}" in the registry`);
      await principals.authorise(principalId, partyId, 'cli');
    }
    printJson({ items: await principals.authorisations(principalId) });
  } finally {
    await target.store.close();
  }
  return 0;
}
