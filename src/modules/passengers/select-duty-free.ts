/**
 * A13: when the goods exceed the allowance, Customs picks the duty-free articles in the traveller's favour.
 * That is a 0/1 knapsack: choose articles whose values fit in the allowance and whose taxes (the `worth`) are the
 * largest. Short lists are solved exactly by branch and bound; long ones greedily by worth per yen of allowance.
 */
export interface Candidate {
  readonly valueYen: number;
  readonly worth: number;
}

export interface Selection {
  readonly chosen: ReadonlySet<number>;
  readonly method: 'exact' | 'greedy';
}

const MAX_NODES = 2_000_000;

const ratio = (c: Candidate): number => (c.valueYen === 0 ? Number.POSITIVE_INFINITY : c.worth / c.valueYen);

export function selectDutyFree(
  items: readonly Candidate[],
  capacityYen: number,
  exactUpTo: number,
  maxNodes = MAX_NODES,
): Selection {
  // Order by worth density; ties keep more value exempt first, then the declared order, so results are stable.
  const order = items
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ratio(b.c) - ratio(a.c) || b.c.valueYen - a.c.valueYen || a.i - b.i);
  const greedy = (): Selection => {
    const chosen = new Set<number>();
    let left = capacityYen;
    for (const { c, i } of order) {
      if (c.valueYen <= left) {
        chosen.add(i);
        left -= c.valueYen;
      }
    }
    return { chosen, method: 'greedy' };
  };
  if (items.length > exactUpTo) return greedy();
  let best = { worth: -1, value: -1, picks: [] as number[] };
  const picks: number[] = [];
  // The fractional-knapsack relaxation bounds what the remaining items can still add.
  const bound = (k: number, left: number): number => {
    let w = 0;
    for (let j = k; j < order.length && left > 0; j++) {
      const { c } = order[j]!;
      if (c.valueYen <= left) {
        w += c.worth;
        left -= c.valueYen;
      } else {
        w += (c.worth * left) / c.valueYen;
        left = 0;
      }
    }
    return w;
  };
  // A search budget bounds the work a crafted list can cause; past it the answer is no longer proven optimal.
  let budget = maxNodes;
  const visit = (k: number, left: number, worth: number, value: number): void => {
    if (--budget < 0) return;
    if (worth > best.worth || (worth === best.worth && value > best.value)) best = { worth, value, picks: [...picks] };
    if (k === order.length || worth + bound(k, left) < best.worth) return;
    const { c, i } = order[k]!;
    if (c.valueYen <= left) {
      picks.push(i);
      visit(k + 1, left - c.valueYen, worth + c.worth, value + c.valueYen);
      picks.pop();
    }
    visit(k + 1, left, worth, value);
  };
  visit(0, capacityYen, 0, 0);
  if (budget >= 0) return { chosen: new Set(best.picks), method: 'exact' };
  const g = greedy();
  const worthOf = (set: ReadonlySet<number>): number => [...set].reduce((s, i) => s + items[i]!.worth, 0);
  return worthOf(g.chosen) > best.worth ? g : { chosen: new Set(best.picks), method: 'greedy' };
}
