/** Yen amounts in explanations, with thousands separators: 200,000 rather than 200000. */
export const yen = (n: number): string => n.toLocaleString('en-US');
