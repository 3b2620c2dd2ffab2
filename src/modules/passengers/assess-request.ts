import { CommonErrors, err, type DomainError, type Problem, type Result } from '../../kernel/index.ts';
import { assessPassenger, type AssessOptions } from './assess-passenger.ts';
import type { Assessment } from './assessment.schema.ts';
import { PassengerErrors } from './errors.ts';
import { validateDeclaration } from './validate-declaration.ts';

const RATE = /^\d{1,9}(\.\d{1,8})?$/;

/**
 * The assessment endpoint's whole job on an untrusted body (AssessmentRequestSchema): check the envelope, validate
 * the declaration (its problems keep their `$.…` paths relative to the declaration), assess with the given rates.
 */
export function assessRequest(
  body: unknown,
  options: Omit<AssessOptions, 'exchangeRates'> = {},
): Result<Assessment, DomainError> {
  const problems: Problem[] = [];
  if (typeof body !== 'object' || body === null || !('declaration' in body)) {
    problems.push(PassengerErrors.invalidDeclaration.problem('$.declaration', 'Required'));
    return err(CommonErrors.validation('The request is invalid', { problems }));
  }
  const { declaration, exchangeRates, ...extra } = body as { declaration: unknown; exchangeRates?: unknown };
  for (const k of Object.keys(extra))
    problems.push(PassengerErrors.invalidDeclaration.problem(`$.${k}`, 'Unexpected property'));
  const rates: Record<string, string> = {};
  if (exchangeRates !== undefined) {
    if (typeof exchangeRates !== 'object' || exchangeRates === null) {
      problems.push(
        PassengerErrors.missingExchangeRate.problem('$.exchangeRates', 'Expected {"USD": "150.25"}: yen per unit'),
      );
    } else {
      for (const [c, r] of Object.entries(exchangeRates)) {
        if (/^[A-Z]{3}$/.test(c) && typeof r === 'string' && RATE.test(r)) rates[c] = r;
        else
          problems.push(
            PassengerErrors.missingExchangeRate.problem(
              `$.exchangeRates.${c}`,
              'Expected yen per unit as a decimal string',
            ),
          );
      }
    }
  }
  if (problems.length > 0) return err(CommonErrors.validation('The request is invalid', { problems }));
  const valid = validateDeclaration(declaration);
  if (!valid.ok) return valid;
  return assessPassenger(valid.value, { ...options, exchangeRates: rates });
}
