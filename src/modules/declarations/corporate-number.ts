/**
 * Japanese corporate number (法人番号): 13 digits, the first a check digit over the other twelve
 * (National Tax Agency rule: 9 − (Σ Pn×Qn mod 9), Pn the n-th digit counted from the right, Qn = 1 for odd n, 2 for even).
 */
export function isValidCorporateNumber(s: string): boolean {
  if (!/^\d{13}$/.test(s)) return false;
  const base = s.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(s[0]) === 9 - (sum % 9);
}
