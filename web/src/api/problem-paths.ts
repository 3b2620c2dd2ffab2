/**
 * The API names a bad field by JSON path (`$.items[0].code9`); the form names it by element id. One mapping both ways
 * keeps the server's errors next to the fields they are about, and the error summary's links pointing at them.
 */
export function fieldKey(jsonPath: string): string {
  return jsonPath.replace(/^\$\.?/, '').replace(/\[(\d+)\]/g, '.$1');
}

export function fieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Groups problems by field key; a problem about a field the form does not show falls back to the nearest parent. */
export function problemsByField<P extends { path: string }>(problems: readonly P[], known: ReadonlySet<string>): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of problems) {
    let key = fieldKey(p.path);
    while (key && !known.has(key)) key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    const list = out.get(key) ?? [];
    list.push(p);
    out.set(key, list);
  }
  return out;
}
