import { CommonErrors, err, ok, type DomainError, type Problem, type Result } from '../../kernel/index.ts';
import { PassengerErrors } from '../../modules/passengers/index.ts';
import type { SubmitRequest } from './declarations.service.ts';

const RATE = /^\d{1,9}(\.\d{1,8})?$/;

/**
 * The envelope of `POST /api/v1/passenger-declarations` — `{declaration, exchangeRates?}` — checked here so that the
 * declaration itself is validated by the passengers module, whose problems carry `PASSENGER.*` codes and paths.
 */
export function submitRequestOf(body: unknown): Result<SubmitRequest, DomainError> {
  const problems: Problem[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('declaration' in body)) {
    problems.push(CommonErrors.missingField.problem('$.declaration', 'The body is {"declaration": {…}, "exchangeRates"?: {…}}'));
    return err(CommonErrors.validation('The request is invalid', { problems }));
  }
  const { declaration, exchangeRates, ...extra } = body as { declaration: unknown; exchangeRates?: unknown };
  for (const k of Object.keys(extra)) problems.push(CommonErrors.unknownField.problem(`$.${k}`, `Unknown field "${k}"`));
  const rates: Record<string, string> = {};
  if (exchangeRates !== undefined) {
    if (typeof exchangeRates !== 'object' || exchangeRates === null || Array.isArray(exchangeRates)) {
      problems.push(PassengerErrors.missingExchangeRate.problem('$.exchangeRates', 'Expected {"USD": "150.25"}: yen per unit'));
    } else {
      for (const [c, r] of Object.entries(exchangeRates)) {
        if (/^[A-Z]{3}$/.test(c) && typeof r === 'string' && RATE.test(r)) rates[c] = r;
        else problems.push(PassengerErrors.missingExchangeRate.problem(`$.exchangeRates.${c}`, 'Expected yen per unit as a decimal string'));
      }
    }
  }
  if (problems.length > 0) return err(CommonErrors.validation('The request is invalid', { problems }));
  return ok({ declaration, exchangeRates: rates });
}
