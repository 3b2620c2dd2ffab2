import type { MessageKey } from '../i18n/index.tsx';

/**
 * Field checks that run as the user types. They mirror the API's JSON Schemas (same patterns), so a form that passes
 * here fails on the server only for reasons the browser cannot know (an unknown code, a closed line, a party).
 */
export type Values = Readonly<Record<string, string>>;
export type Check = (value: string, all: Values) => MessageKey | null;

export const required: Check = (v) => (v.trim() === '' ? 'v.required' : null);
const pattern =
  (re: RegExp, key: MessageKey, opt = false): Check =>
  (v) =>
    v.trim() === '' ? (opt ? null : 'v.required') : re.test(v.trim()) ? null : key;

export const code9 = pattern(/^\d{9}$/, 'v.code9');
export const country = pattern(/^[A-Z]{2}$/, 'v.country');
export const currency = pattern(/^[A-Z]{3}$/, 'v.currency');
export const decimal = pattern(/^\d{1,15}(\.\d{1,6})?$/, 'v.decimal');
export const optionalDecimal = pattern(/^\d{1,15}(\.\d{1,6})?$/, 'v.decimal', true);
export const date = pattern(/^\d{4}-\d{2}-\d{2}$/, 'v.date');
export const optionalDate = pattern(/^\d{4}-\d{2}-\d{2}$/, 'v.date', true);
export const locode = pattern(/^[A-Z]{2}[A-Z2-9]{3}$/, 'v.locode');
export const optionalLocode = pattern(/^[A-Z]{2}[A-Z2-9]{3}$/, 'v.locode', true);
export const office = pattern(/^[0-9A-Z]{2,8}$/, 'v.office');
export const positiveInt = pattern(/^[1-9]\d{0,5}$/, 'v.integer');

/** Every failing check, by field key; fields without a rule are not checked. */
export function validate(values: Values, rules: Readonly<Record<string, Check>>): Map<string, MessageKey> {
  const out = new Map<string, MessageKey>();
  for (const [key, check] of Object.entries(rules)) {
    const err = check(values[key] ?? '', values);
    if (err) out.set(key, err);
  }
  return out;
}
