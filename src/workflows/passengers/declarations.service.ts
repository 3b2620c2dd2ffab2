import type { ExchangeRatesRepo } from '../../adapters/store/exchange-rates.repo.ts';
import type { PassengersRepo, StoredPassengerDeclaration } from '../../adapters/store/passengers.repo.ts';
import { CommonErrors, newId } from '../../kernel/index.ts';
import {
  assessPassenger,
  declarationDigest,
  gatePassQrDataUrl,
  gateReasons,
  issueGatePass,
  normaliseFlight,
  redClaim,
  validateDeclaration,
  type Assessment,
  type GateReason,
  type IdentifierKeyer,
  type PassengerDeclaration,
  type ValidDeclaration,
} from '../../modules/passengers/index.ts';
import type { GateKeyring } from './gate-keys.ts';

const DAY_MS = 86_400_000;
/** A pass stays presentable until two days after the arrival date: late flights, and JST vs UTC dates. */
const PASS_GRACE_MS = 2 * DAY_MS;
const MIN_PASS_TTL_S = 3600;

/** What is stored for a declaration: the passport number only as its keyed hash. */
export interface ProtectedDeclarationData {
  readonly declaration: PassengerDeclaration;
  readonly passportKey: string | null;
}

export interface SubmitRequest {
  readonly declaration: unknown;
  readonly exchangeRates?: Readonly<Record<string, string>>;
}

export interface RateUsed {
  readonly rate: string;
  readonly source: string;
}

export interface SubmitResult {
  readonly id: string;
  readonly assessment: Assessment;
  readonly qr: { readonly token: string; readonly pngDataUrl: string };
  /** When the gate pass expires (ISO). */
  readonly expiresAt: string;
  readonly exchangeRates: Readonly<Record<string, RateUsed>>;
  /**
   * The channel the declaration itself calls for at the gate (a watch rule may still send a green traveller to red):
   * red with its reasons whenever duty is payable, an officer must assess goods or a question was answered yes.
   */
  readonly channel: 'green' | 'red';
  readonly channelReasons: readonly GateReason[];
}

export interface PassengerDeclarationsDeps {
  readonly repo: PassengersRepo;
  readonly rates: Pick<ExchangeRatesRepo, 'rateFor'>;
  readonly keyer: IdentifierKeyer;
  readonly keyring: GateKeyring;
  readonly retentionDays: number;
  readonly now: () => Date;
}

const currenciesOf = (d: ValidDeclaration): Set<string> =>
  new Set([...d.goods.perfume.map((p) => p.value.currency), ...d.goods.other.map((o) => o.unitValue.currency)].filter((c) => c !== 'JPY'));

/** Kept for the retention period after the arrival, or after now when the traveller declares after landing. */
export const retainUntil = (arrivalDate: string, now: Date, retentionDays: number): Date =>
  new Date(Math.max(Date.parse(`${arrivalDate}T00:00:00Z`), now.getTime()) + retentionDays * DAY_MS);

/**
 * A traveller's declaration end to end: validate, assess at the customs rates of the arrival week, store without
 * the passport number, sign the gate pass. Officers read it back by id.
 */
export class PassengerDeclarationsService {
  constructor(private readonly deps: PassengerDeclarationsDeps) {}

  /**
   * The published weekly rate wins over one sent in the request: a traveller cannot lower the duty by quoting a
   * rate. A request rate is used only for a currency the platform has no rate for on that date, and the answer says so.
   */
  private rates(d: ValidDeclaration, given: Readonly<Record<string, string>> = {}): Record<string, RateUsed> {
    const used: Record<string, RateUsed> = {};
    for (const c of currenciesOf(d)) {
      const official = this.deps.rates.rateFor(c, d.arrivalDate);
      if (official) used[c] = { rate: official.rate, source: official.source };
      else if (given[c] !== undefined) used[c] = { rate: given[c], source: 'request' };
    }
    return used;
  }

  async submit(req: SubmitRequest): Promise<SubmitResult> {
    const valid = validateDeclaration(req.declaration);
    if (!valid.ok) throw valid.error;
    const d = valid.value;
    const rates = this.rates(d, req.exchangeRates);
    const assessed = assessPassenger(d, {
      exchangeRates: Object.fromEntries(Object.entries(rates).map(([c, r]) => [c, r.rate])),
    });
    if (!assessed.ok) throw assessed.error;
    // A rate the traveller quoted (no published rate for the currency that week) is for an officer to confirm: until
    // then the goods are to be assessed, and the gate sends the traveller to the red channel.
    const quoted = Object.values(rates).some((r) => r.source === 'request');
    const assessment = quoted ? { ...assessed.value, requiresOfficerAssessment: true } : assessed.value;

    const { passportNumber, ...traveller } = (req.declaration as PassengerDeclaration).traveller;
    const data: ProtectedDeclarationData = {
      declaration: { ...(req.declaration as PassengerDeclaration), traveller },
      passportKey: passportNumber ? this.deps.keyer.document(traveller.nationality, passportNumber) : null,
    };
    const now = this.deps.now();
    const id = newId('pdec');
    const flight = normaliseFlight(d.flight.flightNumber);
    const digest = declarationDigest(data);
    await this.deps.repo.addDeclaration({
      id,
      data,
      assessment,
      digest,
      arrivalDate: d.arrivalDate,
      flight,
      expiresAt: retainUntil(d.arrivalDate, now, this.deps.retentionDays),
    });
    const nowS = Math.floor(now.getTime() / 1000);
    const passEnd = Math.floor((Date.parse(`${d.arrivalDate}T00:00:00Z`) + PASS_GRACE_MS) / 1000);
    const ttlSeconds = Math.max(MIN_PASS_TTL_S, passEnd - nowS);
    const channel = { declaration: data.declaration, assessment };
    const red = redClaim(channel);
    const signer = this.deps.keyring.signer();
    const token = issueGatePass(signer, {
      declarationId: id,
      declaration: data,
      flightNumber: flight,
      arrivalDate: d.arrivalDate,
      issuedAt: nowS,
      ttlSeconds,
      ...(red ? { red } : {}),
    });
    await this.deps.keyring.noteIssued(signer.kid, nowS + ttlSeconds);
    const channelReasons = gateReasons(channel);
    return {
      id,
      assessment,
      qr: { token, pngDataUrl: await gatePassQrDataUrl(token) },
      expiresAt: new Date((nowS + ttlSeconds) * 1000).toISOString(),
      exchangeRates: rates,
      channel: channelReasons.length > 0 ? 'red' : 'green',
      channelReasons,
    };
  }

  async get(id: string): Promise<StoredPassengerDeclaration> {
    const found = await this.deps.repo.declaration(id);
    if (!found) throw CommonErrors.notFound(`No passenger declaration ${id}`);
    return found;
  }
}
