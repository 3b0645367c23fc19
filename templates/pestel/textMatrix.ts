/**
 * The text matrix as data: per factor × element the themes of the field as lines — „– Thema
 * (4 Punkte)“, a hot spot as „– Brennpunkt: Thema (9 Punkte)“ — and the field's marker, exactly
 * as the sheet „Textmatrix“ computes them (templates/pestel/formulas/textMatrix.ts; compared with
 * LibreOffice's recalculation in test/parity-pestel.test.ts).
 *
 * The sheet lists at most {@link TEXT_MATRIX_SLOTS} themes per field, in the long form's row
 * order, and then „… und 3 weitere Themen (Blatt „Themen“)“: a printed field holds no more.
 */
import {
  INNER_ELEMENTS,
  PESTEL_FACTORS,
  type InnerElement,
  type PestelFactor,
  type PestelTheme,
} from "../../lib/pestel/model.js";
import { isHotSpot, scoreTheme } from "../../lib/pestel/scoreTheme.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { CHECK_MARK } from "../common/cellChecks.js";

/** Themes listed by name in one field of the text matrix; the rest are counted. */
export const TEXT_MATRIX_SLOTS = 8;

/** The words of the text matrix's lines (the sheet's formulas use the same). */
export const LINE_TEXT = {
  bullet: { de: "– ", en: "– " },
  hot: { de: "Brennpunkt: ", en: "Hot spot: " },
  untitled: { de: "(ohne Titel)", en: "(no title)" },
  point: { de: " Punkt)", en: " point)" },
  points: { de: " Punkte)", en: " points)" },
  moreOne: { de: " weiteres Thema (Blatt „Themen“)", en: " more theme (sheet “Themes”)" },
  moreMany: { de: " weitere Themen (Blatt „Themen“)", en: " more themes (sheet “Themes”)" },
  morePrefix: { de: "… und ", en: "… and " },
} satisfies Record<string, LocalizedText>;

/** The marker of a field with at least one hot spot (one word, so the sheet can colour it). */
export const FIELD_HOT_TEXT: LocalizedText = { de: "Brennpunkt", en: "Hot spot" };

/** The marker while the typed threshold cannot be used. */
export const FIELD_THRESHOLD_INVALID: LocalizedText = {
  de: `${CHECK_MARK} Schwelle prüfen (Blatt PESTEL-Kommune)`,
  en: `${CHECK_MARK} check the threshold (sheet PESTEL town)`,
};

/** Excel's TRIM: spaces at both ends dropped, runs of spaces inside made one. */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/**
 * One theme's line: bullet, „Brennpunkt: “ when its score reaches the threshold (and the typed
 * threshold can be used), the title, and the score with its unit.
 *
 * @example themeLine({ …, theme: "Breitband", impact: 3, room: 3 }, 6, true, "de") // "– Brennpunkt: Breitband (9 Punkte)"
 */
export function themeLine(theme: PestelTheme, threshold: number, thresholdUsable: boolean, language: Language): string {
  const score = scoreTheme(theme.impact, theme.room);
  const hot = thresholdUsable && isHotSpot(score, threshold);
  const title = excelTrim(theme.theme);
  const unit = score === 1 ? LINE_TEXT.point : LINE_TEXT.points;
  return (
    LINE_TEXT.bullet[language] +
    (hot ? LINE_TEXT.hot[language] : "") +
    (title === "" ? LINE_TEXT.untitled[language] : title) +
    (score === null ? "" : ` (${score}${unit[language]}`)
  );
}

export interface TextMatrixField {
  readonly factor: PestelFactor;
  readonly element: InnerElement;
  /** The field's lines, joined by line breaks; empty when no theme is in the field. */
  readonly text: string;
  /** „Brennpunkt“, empty, or the threshold's „✗“ while it cannot be used. */
  readonly marker: string;
}

/**
 * The 24 fields of the text matrix, factor by factor (PESTEL order), each with the elements in
 * model order. Themes without a factor or an element are in no field.
 *
 * @example textMatrix(workbook.themes, workbook.threshold, workbook.thresholdUsable, "de")[0].text
 */
export function textMatrix(
  themes: readonly PestelTheme[],
  threshold: number,
  thresholdUsable: boolean,
  language: Language,
): TextMatrixField[] {
  const fields: TextMatrixField[] = [];
  for (const factor of PESTEL_FACTORS) {
    for (const element of INNER_ELEMENTS) {
      const own = themes.filter((t) => t.factor === factor && t.element === element).sort((a, b) => a.row - b.row);
      const lines = own.slice(0, TEXT_MATRIX_SLOTS).map((t) => themeLine(t, threshold, thresholdUsable, language));
      const more = own.length - TEXT_MATRIX_SLOTS;
      if (more > 0)
        lines.push(
          `${LINE_TEXT.morePrefix[language]}${more}${(more === 1 ? LINE_TEXT.moreOne : LINE_TEXT.moreMany)[language]}`,
        );
      const hot = own.some((t) => isHotSpot(scoreTheme(t.impact, t.room), threshold));
      fields.push({
        factor,
        element,
        text: lines.join("\n"),
        marker: !thresholdUsable ? FIELD_THRESHOLD_INVALID[language] : hot ? FIELD_HOT_TEXT[language] : "",
      });
    }
  }
  return fields;
}
