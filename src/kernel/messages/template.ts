/** Values a message template may refer to as `{name}`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A message named by catalogue key and parameters rather than by its English text, so that each reader gets it in
 * their language. The key is the error/note code itself, or `CODE.variant` when one code has several wordings.
 */
export interface Localised {
  readonly key: string;
  readonly params: MessageParams;
}

export const msg = (key: string, params: MessageParams = {}): Localised => ({ key, params });

export const isLocalised = (v: unknown): v is Localised =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string' && typeof (v as { params?: unknown }).params === 'object';

const SLOT = /\{(\w+)(?:@(\w+))?\}/g;

/** The names a template refers to. */
export const slotsOf = (template: string): string[] => [...template.matchAll(SLOT)].map((m) => m[1]!);

/**
 * Fills `{name}` slots, `{name@n}` with a grouped whole number, and `{name@prefix}` with the wording of `prefix.<value>` that `lookup` finds (else the value);
 * undefined when a slot has no value (the caller then falls back to a wording without it).
 */
export function fill(template: string, params: MessageParams, lookup?: (key: string) => string | undefined): string | undefined {
  let missing = false;
  const out = template.replace(SLOT, (_, name: string, prefix: string | undefined) => {
    const v = params[name];
    if (v === undefined) {
      missing = true;
      return '';
    }
    // `{name@n}`: a whole number with thousands separators (yen amounts read as 3,300 in both languages).
    if (prefix === 'n' && typeof v === 'number' && Number.isSafeInteger(v)) return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (prefix !== undefined ? lookup?.(`${prefix}.${String(v)}`) : undefined) ?? String(v);
  });
  return missing ? undefined : out;
}
