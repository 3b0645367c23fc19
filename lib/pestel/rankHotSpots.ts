/**
 * Hot spots in the order a working group discusses them: highest score first, then the stronger
 * outside impact, then PESTEL order of the factor, the model's order of the element, and the
 * theme's text. Equal themes keep their given order (sheet row; across towns, the towns' order).
 */
import { elementOrder, factorOrder, type PestelTheme, type ScoredTheme } from "./model.js";

const collator = new Intl.Collator("de", { sensitivity: "base", numeric: true });

/** The ranking order of two scored themes (negative when `a` comes first; 0 for equal keys). */
export function compareHotSpots(a: ScoredTheme, b: ScoredTheme): number {
  return (
    (b.score ?? -1) - (a.score ?? -1) ||
    (b.impact ?? -1) - (a.impact ?? -1) ||
    factorOrder(a.factor) - factorOrder(b.factor) ||
    elementOrder(a.element) - elementOrder(b.element) ||
    collator.compare(a.theme, b.theme)
  );
}

/**
 * The hot spots among scored themes, ranked (see {@link compareHotSpots}); a stable sort, so
 * themes with equal keys stay in the given order.
 * @example rankHotSpots(scoreThemes(themes, 6)).map((t) => t.theme)
 */
export function rankHotSpots<T extends PestelTheme>(themes: readonly ScoredTheme<T>[]): ScoredTheme<T>[] {
  return themes.filter((theme) => theme.hot).sort(compareHotSpots);
}
