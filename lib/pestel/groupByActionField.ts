/**
 * From hot spots to measures: per field of action the themes that belong to it and the measures
 * the themes link, with their titles. A theme belongs to the field it names; a theme that names
 * none belongs to the fields of the measures it links; a theme with neither is unassigned.
 */
import { ACTION_FIELDS, type ActionField, type MeasureRef, type PestelTheme, type ScoredTheme } from "./model.js";
import { compareHotSpots } from "./rankHotSpots.js";

export interface LinkedMeasure<T extends PestelTheme> {
  readonly measure: MeasureRef;
  /** Themes linking the measure, ranked. */
  readonly themes: readonly ScoredTheme<T>[];
  /** How many of them are hot spots. */
  readonly hotSpots: number;
}

export interface ActionFieldGroup<T extends PestelTheme> {
  /** 1–4, or null for measure 0 and the themes without any field. */
  readonly field: ActionField | null;
  /** The group's themes, ranked by score (see compareHotSpots). */
  readonly themes: readonly ScoredTheme<T>[];
  /** Measures of this field linked by any theme, in catalogue order. */
  readonly measures: readonly LinkedMeasure<T>[];
}

/** The fields a theme belongs to: its own, else its known measures' fields, else none. */
export function fieldsOfTheme(theme: PestelTheme, catalogue: ReadonlyMap<string, MeasureRef>): ActionField[] {
  if (theme.actionField !== null) return [theme.actionField];
  const fields = new Set<ActionField>();
  for (const id of theme.measures) {
    const field = catalogue.get(id)?.field;
    if (field !== undefined && field !== null) fields.add(field);
  }
  return ACTION_FIELDS.filter((field) => fields.has(field));
}

/**
 * Groups scored themes by field of action: always the four fields in order, then one group
 * (field null) for measure 0 and the unassigned themes. Ids not in the catalogue are skipped.
 *
 * @example
 * groupByActionField(scoreThemes(themes, 6), MEASURES)[2].measures.map((m) => m.measure.id) // ["3.2", "3.3"]
 */
export function groupByActionField<T extends PestelTheme>(
  themes: readonly ScoredTheme<T>[],
  catalogue: readonly MeasureRef[],
): ActionFieldGroup<T>[] {
  const byId = new Map(catalogue.map((measure) => [measure.id, measure]));
  const group = (field: ActionField | null): ActionFieldGroup<T> => {
    const members = themes.filter((theme) => {
      const fields = fieldsOfTheme(theme, byId);
      return field === null ? fields.length === 0 : fields.includes(field);
    });
    const measures = catalogue
      .filter((measure) => measure.field === field)
      .map((measure) => {
        const linking = themes.filter((theme) => theme.measures.includes(measure.id)).sort(compareHotSpots);
        return { measure, themes: linking, hotSpots: linking.filter((theme) => theme.hot).length };
      })
      .filter((linked) => linked.themes.length > 0);
    return { field, themes: [...members].sort(compareHotSpots), measures };
  };
  return [...ACTION_FIELDS.map(group), group(null)];
}
