/** The fields of a schedule row the search reads (reference's `TariffRow` fits). */
export interface ScheduleRow {
  readonly rowId: number;
  readonly parentRowId: number | null;
  readonly code9: string;
  readonly isLeaf: boolean;
  readonly descriptionJa: string;
}

/** A line a search can return: a leaf with a 9-digit code, and the descriptions of the rows above it. */
export interface ScheduleLine {
  readonly rowId: number;
  readonly code9: string;
  readonly hs6: string;
  readonly descriptionJa: string;
  /** From the heading row down to the line's parent. */
  readonly ancestorsJa: readonly string[];
}

export function scheduleLines(rows: readonly ScheduleRow[]): ScheduleLine[] {
  const byId = new Map(rows.map((r) => [r.rowId, r]));
  const lines: ScheduleLine[] = [];
  for (const r of rows) {
    if (!r.isLeaf || !/^\d{9}$/.test(r.code9)) continue;
    const ancestors: string[] = [];
    for (let p = r.parentRowId; p !== null; ) {
      const parent = byId.get(p);
      if (parent === undefined) break;
      ancestors.unshift(parent.descriptionJa);
      p = parent.parentRowId;
    }
    lines.push({ rowId: r.rowId, code9: r.code9, hs6: r.code9.slice(0, 6), descriptionJa: r.descriptionJa, ancestorsJa: ancestors });
  }
  return lines;
}
