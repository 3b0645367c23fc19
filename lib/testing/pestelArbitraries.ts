/** fast-check generators of PESTEL themes, shared by the property tests next to this file. */
import fc from "fast-check";
import { ACTION_FIELDS, INNER_ELEMENTS, PESTEL_FACTORS, type MeasureRef, type PestelTheme } from "../pestel/model.js";

/** A small catalogue: measure 0 and two measures per field. */
export const TEST_CATALOGUE: readonly MeasureRef[] = [
  { id: "0", field: null, title: { de: "Grundlagen", en: "Groundwork" } },
  ...ACTION_FIELDS.flatMap((field) =>
    [1, 2].map((n) => ({
      id: `${field}.${n}`,
      field,
      title: { de: `Maßnahme ${field}.${n}`, en: `Measure ${field}.${n}` },
    })),
  ),
];

/** Ratings as users leave them: mostly 0–3, sometimes empty, now and then out of range. */
export const ratingArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 1, 2, 3) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(4, 1.5, -1) },
);

export const themeArbitrary: fc.Arbitrary<PestelTheme> = fc.record({
  factor: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...PESTEL_FACTORS) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  element: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...INNER_ELEMENTS) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  theme: fc.constantFrom("Server", "server", "Personal", "Haushalt", "Klima", "E-Akte", ""),
  impact: ratingArbitrary,
  room: ratingArbitrary,
  actionField: fc.oneof(fc.constant(null), fc.constantFrom(...ACTION_FIELDS)),
  measures: fc.uniqueArray(fc.constantFrom(...TEST_CATALOGUE.map((m) => m.id)), { maxLength: 3 }),
  owner: fc.constant(null),
  reviewDate: fc.constant(null),
  row: fc.integer({ min: 5, max: 300 }),
});

/** A long form: up to 80 themes with distinct rows in ascending order. */
export const themesArbitrary: fc.Arbitrary<PestelTheme[]> = fc
  .array(themeArbitrary, { maxLength: 80 })
  .map((themes) => themes.map((theme, index) => ({ ...theme, row: 5 + index })));

export const thresholdArbitrary = fc.integer({ min: 1, max: 9 });
