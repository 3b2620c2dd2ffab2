/**
 * EDIFACT date/time (formats 101 YYMMDD, 102 CCYYMMDD, 201 YYMMDDHHMM, 203 CCYYMMDDHHMM; guessed from the length when
 * the format is absent) → ISO. Two-digit years: birth dates take the latest century not after `refYear`.
 */
export function ediDateTime(value: string, format: string, refYear: number, past: boolean): string | undefined {
  const v = value.trim();
  const fmt = format || ({ 6: '101', 8: '102', 10: '201', 12: '203' } as Record<number, string>)[v.length] || '';
  const parts: Record<string, RegExp> = {
    '101': /^(\d{2})(\d{2})(\d{2})$/,
    '102': /^(\d{4})(\d{2})(\d{2})$/,
    '201': /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
    '203': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  };
  const m = parts[fmt]?.exec(v) ?? (fmt === '201' ? parts['101']!.exec(v) : undefined);
  if (!m) return undefined;
  let year = Number(m[1]);
  if (m[1]!.length === 2) {
    year += 2000;
    if (past && year > refYear) year -= 100;
  }
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${year}-${m[2]}-${m[3]}`;
  return m[4] !== undefined ? `${date}T${m[4]}:${m[5]}` : date;
}
