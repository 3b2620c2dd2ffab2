import { loadConfig } from '../config.ts';
import { PartiesRepo } from '../adapters/store/parties.repo.ts';
import { PrincipalsRepo, ROLES, type Role } from '../adapters/store/principals.repo.ts';
import { CliUsageError, stringFlag, type Args } from './args.ts';
import { callApi, databaseTarget } from './database.ts';
import { printJson } from './io.ts';

/** `customs principals create --role trader|officer|analyst|admin [--name N] [--party ID]` prints {id, role, key} once. */
export async function run(args: Args): Promise<number> {
  const role = stringFlag(args, 'role');
  if (!role || !ROLES.includes(role as Role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const name = stringFlag(args, 'name') ?? `${role} principal`;
  const partyId = stringFlag(args, 'party');
  const config = loadConfig();
  const target = await databaseTarget(config);
  if (target.kind === 'remote') {
    printJson(await callApi(target, 'POST', '/api/v1/principals', { role, name, ...(partyId ? { partyId } : {}) }));
    return 0;
  }
  try {
    if (partyId) {
      const parties = new PartiesRepo(target.store.db);
      if (!(await parties.refresh(partyId))) throw new CliUsageError(`No party "${partyId}" in the registry`);
    }
    const { principal, key } = await new PrincipalsRepo(target.store.db).create({ role: role as Role, name, partyId: partyId ?? null });
    printJson({ id: principal.id, role: principal.role, name: principal.name, key });
  } finally {
    await target.store.close();
  }
  return 0;
}
