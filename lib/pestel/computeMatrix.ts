/**
 * The 6 × 4 matrix of a town's long form, as the matrix sheet's formulas compute it: per factor
 * and element the number of themes, the highest score and the number of hot spots; per element
 * the totals over all factors.
 */
import { INNER_ELEMENTS, PESTEL_FACTORS, type InnerElement, type PestelFactor, type PestelTheme } from "./model.js";
import { isHotSpot, scoreTheme } from "./scoreTheme.js";

export interface MatrixCell {
  readonly factor: PestelFactor;
  readonly element: InnerElement;
  /** Themes with this factor and element (rated or not). */
  readonly count: number;
  /** Highest score among them; null when none is rated. */
  readonly maxScore: number | null;
  /** Themes whose score reaches the threshold. */
  readonly hotSpots: number;
}

export interface MatrixTotal {
  readonly element: InnerElement;
  readonly count: number;
  readonly maxScore: number | null;
  readonly hotSpots: number;
}

export interface PestelMatrix {
  readonly threshold: number;
  /** 24 cells, factor by factor (PESTEL order), each with the elements in model order. */
  readonly cells: readonly MatrixCell[];
  /** Per element, over all factors. */
  readonly totals: readonly MatrixTotal[];
}

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Counts, highest scores and hot spots per factor × element. Themes without a factor or an
 * element are in no cell (the sheet cannot place them either).
 *
 * @example
 * const matrix = computeMatrix(themes, 6);
 * matrixCell(matrix, "technological", "resources").maxScore; // e.g. 9
 */
export function computeMatrix(themes: readonly PestelTheme[], threshold: number): PestelMatrix {
  const cells: MatrixCell[] = [];
  for (const factor of PESTEL_FACTORS) {
    for (const element of INNER_ELEMENTS) {
      let count = 0;
      let maxScore: number | null = null;
      let hotSpots = 0;
      for (const theme of themes) {
        if (theme.factor !== factor || theme.element !== element) continue;
        count++;
        const score = scoreTheme(theme.impact, theme.room);
        maxScore = maxOf(maxScore, score);
        if (isHotSpot(score, threshold)) hotSpots++;
      }
      cells.push({ factor, element, count, maxScore, hotSpots });
    }
  }
  const totals = INNER_ELEMENTS.map((element): MatrixTotal => {
    const column = cells.filter((cell) => cell.element === element);
    return {
      element,
      count: column.reduce((sum, cell) => sum + cell.count, 0),
      maxScore: column.reduce<number | null>((max, cell) => maxOf(max, cell.maxScore), null),
      hotSpots: column.reduce((sum, cell) => sum + cell.hotSpots, 0),
    };
  });
  return { threshold, cells, totals };
}

/** The cell of a factor and an element. */
export function matrixCell(matrix: PestelMatrix, factor: PestelFactor, element: InnerElement): MatrixCell {
  const cell = matrix.cells[PESTEL_FACTORS.indexOf(factor) * INNER_ELEMENTS.length + INNER_ELEMENTS.indexOf(element)];
  if (cell === undefined || cell.factor !== factor || cell.element !== element)
    throw new RangeError(`no matrix cell ${factor} × ${element}`);
  return cell;
}
