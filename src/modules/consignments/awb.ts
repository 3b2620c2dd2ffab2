/**
 * IATA air waybill numbers: a 3-digit airline prefix and an 8-digit serial whose last digit is the first seven
 * modulo 7. Checking the digit catches most typing errors before an advance record fails to match a manifest line.
 */
const MASTER_RE = /^(\d{3})-?(\d{7})(\d)$/;
const HOUSE_RE = /^[A-Z0-9]{1,16}$/;

/** `888-11111111` or `88811111111` → `888-11111111`; undefined when malformed or the check digit is wrong. */
export function normalizeMasterAwb(raw: string): string | undefined {
  // Consecutive parcels of a consolidation share their master AWB: remember the last answer.
  if (raw === lastMaster.raw) return lastMaster.result;
  const result = checkMaster(raw);
  lastMaster = { raw, result };
  return result;
}

let lastMaster: { raw: string; result: string | undefined } = { raw: '', result: undefined };

function checkMaster(raw: string): string | undefined {
  const m = MASTER_RE.exec(raw.trim());
  if (!m) return undefined;
  const serial7 = Number(m[2]);
  if (serial7 % 7 !== Number(m[3])) return undefined;
  return `${m[1]}-${m[2]}${m[3]}`;
}

/** House waybills are forwarder-assigned: letters and digits only, compared case-insensitively. */
export function normalizeHouseAwb(raw: string): string | undefined {
  if (HOUSE_RE.test(raw)) return raw;
  const s = raw.trim().toUpperCase();
  return HOUSE_RE.test(s) ? s : undefined;
}
