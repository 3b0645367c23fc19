/**
 * Which measure of the guideline's catalogue (0 … 4.4) and which form of cooperation fits a
 * shared task, by its product code. A starting point for the partners' discussion, not a legal
 * assessment: the table below maps product areas and groups of the statewide product framework
 * to the measure whose subject they are (central units, specialist tasks, routine tasks, spatial
 * planning, equipment and infrastructure, procurement).
 */

/**
 * The form a cooperation takes (our own short terms for the forms the guideline names):
 * - `agreement`: one town performs the task for the partners under a Zweckvereinbarung
 *   (a joint unit hosted by the lead town, the partners pay by a cost key);
 * - `association`: a Zweckverband runs the task or the equipment for all members;
 * - `procurement`: the towns buy together (a procurement group, one tender for all);
 * - `workingGroup`: a working group of the towns (kommunale Arbeitsgemeinschaft) aligns how each
 *   town performs the task, with mutual substitution, without handing the task over.
 */
export type CooperationForm = "agreement" | "association" | "procurement" | "workingGroup";

export const COOPERATION_FORMS: readonly CooperationForm[] = [
  "agreement",
  "association",
  "procurement",
  "workingGroup",
];

/** A rule of the table: product codes starting with `prefix` get `measure` in `form`. */
export interface MeasureRule {
  /** Leading digits of the product code; the empty prefix is the rule for every other code. */
  readonly prefix: string;
  /** Id of the guideline's measure, e.g. `1.2`. */
  readonly measure: string;
  readonly form: CooperationForm;
}

/**
 * The table, longest prefix wins. Areas and groups follow the statewide product framework:
 * 11 internal administration, 12 safety and order, 21–24 schools, 25–29 culture, 31–36 social
 * and youth, 42 sport, 51 planning, 52 building, 53 utilities, 54 roads, 55 green spaces and
 * cemeteries, 56 environment, 57 economy and tourism, 61 general finance.
 */
export const MEASURE_RULES: readonly MeasureRule[] = [
  // Central units (measure 1.2): administration, IT, procurement office, finance, treasury; a joint
  // unit by agreement.
  { prefix: "11", measure: "1.2", form: "agreement" },
  { prefix: "61", measure: "1.2", form: "agreement" },
  // Council and committees stay with each town: align and stand in for each other.
  { prefix: "1111", measure: "1.4", form: "workingGroup" },
  // Audit: a specialist task (1.3), typically performed for partners by agreement.
  { prefix: "1114", measure: "1.3", form: "agreement" },
  // Safety and order: routine tasks secured together (1.4), e.g. a joint registry office district.
  { prefix: "12", measure: "1.4", form: "agreement" },
  { prefix: "121", measure: "1.4", form: "workingGroup" },
  // Fire brigades: vehicles and equipment bought together (4.4).
  { prefix: "126", measure: "4.4", form: "procurement" },
  // Control centres, rescue service, civil protection: mostly the county's; coordinate.
  { prefix: "125", measure: "1.3", form: "workingGroup" },
  { prefix: "127", measure: "1.3", form: "workingGroup" },
  { prefix: "128", measure: "1.3", form: "workingGroup" },
  // Schools (as the body responsible): equipment and IT bought together (4.4).
  { prefix: "21", measure: "4.4", form: "procurement" },
  { prefix: "22", measure: "4.4", form: "procurement" },
  { prefix: "23", measure: "4.4", form: "procurement" },
  { prefix: "24", measure: "4.4", form: "procurement" },
  // Spatial planning and geodata (1.5).
  { prefix: "51", measure: "1.5", form: "workingGroup" },
  // Building authority: a joint building office (1.2) by agreement; monument care as a specialist task.
  { prefix: "52", measure: "1.2", form: "agreement" },
  { prefix: "523", measure: "1.3", form: "agreement" },
  // Utilities: water, sewage, waste, broadband run together (4.1), typically in an association.
  { prefix: "53", measure: "4.1", form: "association" },
  // Roads, green spaces, cemeteries: the building yard's vehicles and machines shared (4.1).
  { prefix: "54", measure: "4.1", form: "association" },
  { prefix: "55", measure: "4.1", form: "association" },
  { prefix: "553", measure: "1.4", form: "agreement" },
  // Environment and climate: an energy or climate manager for several towns (1.3).
  { prefix: "56", measure: "1.3", form: "agreement" },
  // Economic development and tourism: developed together as a region (1.5).
  { prefix: "57", measure: "1.5", form: "workingGroup" },
  // Everything else (culture, social, youth, sport …): aligned and secured together.
  { prefix: "", measure: "1.4", form: "workingGroup" },
];

/** The measure and form suggested for a task, and the rule that gave them. */
export interface MeasureSuggestion {
  readonly measure: string;
  readonly form: CooperationForm;
  /** The prefix of the rule that matched (empty for the catch-all rule). */
  readonly rule: string;
}

/**
 * The suggestion for a product code: the rule with the longest prefix the code starts with.
 *
 * @example suggestMeasure("5210") // { measure: "1.2", form: "agreement", rule: "52" }
 */
export function suggestMeasure(code: string): MeasureSuggestion {
  let best: MeasureRule | undefined;
  for (const rule of MEASURE_RULES) {
    if (code.startsWith(rule.prefix) && (best === undefined || rule.prefix.length > best.prefix.length)) best = rule;
  }
  // the catch-all rule (prefix "") always matches
  const found = best ?? { prefix: "", measure: "1.4", form: "workingGroup" as const };
  return { measure: found.measure, form: found.form, rule: found.prefix };
}
