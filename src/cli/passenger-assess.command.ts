import { CommonErrors } from '../kernel/index.ts';
import { assessRequest } from '../modules/passengers/index.ts';
import type { Args } from './args.ts';
import { printJson, readStdin, reportError } from './io.ts';

/**
 * `customs passenger assess < request.json`: a traveller's duty-free allowances and duty on the excess.
 * stdin: `{"declaration": {…}, "exchangeRates": {"USD": "150.25"}}` (PassengerAssessmentRequest); stdout: the
 * assessment with its lines and assumptions. Exit 2 on invalid input with {code, message, details}.
 */
export async function run(_args: Args): Promise<number> {
  let body: unknown;
  try {
    body = JSON.parse(await readStdin());
  } catch (e) {
    return reportError(
      CommonErrors.malformed(`stdin is not valid JSON: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  const result = assessRequest(body);
  if (!result.ok) return reportError(result.error);
  printJson(result.value);
  return 0;
}
