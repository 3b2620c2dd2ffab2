import { and, asc, gte, inArray, sql } from 'drizzle-orm';
import type { Declaration } from '../../modules/declarations/index.ts';
import type { Decision } from '../../modules/risk/index.ts';
import type { Db } from './connect.ts';
import { toDeclaration } from './declarations.repo.ts';
import { declarations } from './schema.ts';

/** A declaration with a stored risk decision, reduced to what the officer reports need. */
export interface DecidedDeclaration {
  readonly id: string;
  readonly createdAt: string;
  readonly decision: Decision;
  /** Importer (import) or exporter (export): registry id, else the declared name; '' when neither is known. */
  readonly trader: string;
  readonly originCountries: readonly string[];
  /** Duty and consumption taxes assessed, yen. */
  readonly owedYen: number;
}

export interface LanesOnDay {
  readonly date: string;
  readonly declarations: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
}

// The trader a declaration is about, in SQL: the same key riskItems uses (party id, else name).
const trader = sql<string>`coalesce(
  case when ${declarations.kind} = 'export' then coalesce(${declarations.data}->'exporter'->>'partyId', ${declarations.data}->'exporter'->>'name')
       else coalesce(${declarations.data}->'importer'->>'partyId', ${declarations.data}->'importer'->>'name') end, '')`;

/**
 * Read-only queries of the risk reports and of training on the declarations table. Projections are done in SQL so
 * that a report over months of declarations does not ship their full documents to the application.
 */
export class RiskReportsRepo {
  constructor(private readonly db: Db) {}

  /** Declarations decided by the selection (stored decision with its basis) created since `since`, oldest first. */
  async decided(since: Date, limit = 200_000): Promise<DecidedDeclaration[]> {
    const rows = await this.db
      .select({
        id: declarations.id,
        createdAt: declarations.createdAt,
        risk: declarations.risk,
        trader,
        origins: sql<unknown>`jsonb_path_query_array(${declarations.data}, '$.items[*].originCountry')`,
        owed: sql<string | null>`${declarations.assessment}->>'totalYen'`,
      })
      .from(declarations)
      .where(and(gte(declarations.createdAt, since), sql`${declarations.risk}->'basis' is not null`))
      .orderBy(asc(declarations.createdAt), asc(declarations.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      decision: r.risk as Decision,
      trader: r.trader,
      originCountries: asStrings(r.origins),
      owedYen: r.owed === null ? 0 : Number(r.owed),
    }));
  }

  /** Declarations per trader since `since` (the importer-size proxy of the selection-rate report). */
  async declarationsPerTrader(since: Date): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ trader, n: sql<number>`count(*)::int` })
      .from(declarations)
      .where(gte(declarations.createdAt, since))
      .groupBy(trader);
    return new Map(rows.map((r) => [r.trader, Number(r.n)]));
  }

  /** Declarations created per UTC day since `since` and their current lanes; days without any are absent. */
  async lanesPerDay(since: Date): Promise<LanesOnDay[]> {
    const day = sql<string>`to_char(${declarations.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
    const rows = await this.db
      .select({
        date: day,
        n: sql<number>`count(*)::int`,
        green: sql<number>`count(*) filter (where ${declarations.lane} = 'green')::int`,
        yellow: sql<number>`count(*) filter (where ${declarations.lane} = 'yellow')::int`,
        red: sql<number>`count(*) filter (where ${declarations.lane} = 'red')::int`,
      })
      .from(declarations)
      .where(gte(declarations.createdAt, since))
      .groupBy(day)
      .orderBy(day);
    return rows.map((r) => ({ date: r.date, declarations: Number(r.n), green: Number(r.green), yellow: Number(r.yellow), red: Number(r.red) }));
  }

  /** Full declarations by id (training maps their items), in creation order. */
  async byIds(ids: readonly string[]): Promise<Declaration[]> {
    const out: Declaration[] = [];
    // Chunks keep the parameter list of one statement bounded.
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db
        .select()
        .from(declarations)
        .where(inArray(declarations.id, ids.slice(i, i + 1000)));
      for (const r of rows) out.push(toDeclaration(r));
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }
}

function asStrings(v: unknown): string[] {
  const arr = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(arr) ? arr.filter((x): x is string => typeof x === 'string') : [];
}
