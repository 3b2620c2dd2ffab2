import { eq } from 'drizzle-orm';
import type { RegisteredParty } from '../../modules/declarations/index.ts';
import type { Db } from './connect.ts';
import { parties } from './schema.ts';

/** The party registry, kept in memory as well: validation looks parties up on every declaration. */
export class PartiesRepo {
  private readonly byId = new Map<string, RegisteredParty>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    for (const r of await this.db.select().from(parties)) this.byId.set(r.id, r);
  }

  get(id: string): RegisteredParty | undefined {
    return this.byId.get(id);
  }

  list(): RegisteredParty[] {
    return [...this.byId.values()];
  }

  async upsert(p: RegisteredParty): Promise<RegisteredParty> {
    const values = { id: p.id, name: p.name, corporateNumber: p.corporateNumber, country: p.country, aeoStatus: p.aeoStatus };
    await this.db.insert(parties).values(values).onConflictDoUpdate({ target: parties.id, set: values });
    this.byId.set(p.id, p);
    return p;
  }

  async refresh(id: string): Promise<RegisteredParty | undefined> {
    const [r] = await this.db.select().from(parties).where(eq(parties.id, id));
    if (r) this.byId.set(r.id, r);
    return r;
  }
}
