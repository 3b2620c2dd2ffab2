/** The codes as the officer typed them ("8529, 8537 9202.90-300") → the API's list of digit strings. */
export function parseCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.replace(/[.-]/g, ''))
    .filter((c) => c !== '');
}
