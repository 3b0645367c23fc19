/**
 * The group comparison: the matrix fields (factor × element) that are hot — hold at least one hot
 * spot — in several towns. These are the candidates for working on together.
 */
import type { PestelMatrix } from "./computeMatrix.js";
import { elementOrder, factorOrder, type InnerElement, type PestelFactor } from "./model.js";

export interface TownMatrix {
  readonly town: string;
  readonly matrix: PestelMatrix;
}

export interface SharedHotCell {
  readonly factor: PestelFactor;
  readonly element: InnerElement;
  /** The towns where the field is hot, in the order the towns were given. */
  readonly towns: readonly { readonly town: string; readonly maxScore: number; readonly hotSpots: number }[];
}

/**
 * Fields hot in at least `minTowns` towns (default 2), ordered by number of towns, then the
 * highest score among them, then PESTEL and element order. Each town uses its own threshold.
 *
 * @example findSharedHotCells([{ town: "Bockau", matrix }, { town: "Zschorlau", matrix: other }])
 */
export function findSharedHotCells(towns: readonly TownMatrix[], minTowns = 2): SharedHotCell[] {
  const shared: SharedHotCell[] = [];
  const first = towns[0]?.matrix.cells ?? [];
  first.forEach((template, index) => {
    const hot = towns.flatMap(({ town, matrix }) => {
      const cell = matrix.cells[index];
      return cell !== undefined && cell.hotSpots > 0 && cell.maxScore !== null
        ? [{ town, maxScore: cell.maxScore, hotSpots: cell.hotSpots }]
        : [];
    });
    if (hot.length >= minTowns) shared.push({ factor: template.factor, element: template.element, towns: hot });
  });
  const top = (cell: SharedHotCell): number => Math.max(...cell.towns.map((t) => t.maxScore));
  return shared.sort(
    (a, b) =>
      b.towns.length - a.towns.length ||
      top(b) - top(a) ||
      factorOrder(a.factor) - factorOrder(b.factor) ||
      elementOrder(a.element) - elementOrder(b.element),
  );
}
