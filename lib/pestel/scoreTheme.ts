/**
 * Score and hot spot of one theme, exactly as the long form's formulas compute them:
 * `score = impact × room` when both are whole numbers 0–3 (else empty), hot spot when
 * `score ≥ threshold`, and the threshold the town typed when it is a whole number 1–9 (else 6).
 */
import { DEFAULT_HOT_SPOT_THRESHOLD, RATINGS, THRESHOLD_RANGE, type PestelTheme, type ScoredTheme } from "./model.js";

/** True for 0, 1, 2 and 3 — the only values a rating may take. */
export function isRating(value: unknown): value is (typeof RATINGS)[number] {
  return typeof value === "number" && (RATINGS as readonly number[]).includes(value);
}

/**
 * `impact × room` (0–9), or null when either is not a rating.
 * @example scoreTheme(3, 2) // 6
 */
export function scoreTheme(impact: unknown, room: unknown): number | null {
  return isRating(impact) && isRating(room) ? impact * room : null;
}

/**
 * True when a typed threshold can be used: a whole number 1–9. Anything else — empty, text, 0,
 * 12, 5.5, or „66 %“ (stored as 0.66) — the reader refuses, and the sheet shows „✗“ in place of
 * every hot-spot marker while it stands there.
 */
export function isUsableThreshold(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isInteger(value) && value >= THRESHOLD_RANGE.min && value <= THRESHOLD_RANGE.max
  );
}

/** The threshold in force: the town's own when it is a whole number 1–9, else the default 6. */
export function effectiveThreshold(value: unknown): number {
  return isUsableThreshold(value) ? value : DEFAULT_HOT_SPOT_THRESHOLD;
}

/** True when a score reaches the threshold (no score is never a hot spot). */
export function isHotSpot(score: number | null, threshold: number): boolean {
  return score !== null && score >= threshold;
}

/** Every theme with its score and hot-spot flag, in the given order. */
export function scoreThemes<T extends PestelTheme>(themes: readonly T[], threshold: number): ScoredTheme<T>[] {
  return themes.map((theme) => {
    const score = scoreTheme(theme.impact, theme.room);
    return { ...theme, score, hot: isHotSpot(score, threshold) };
  });
}
