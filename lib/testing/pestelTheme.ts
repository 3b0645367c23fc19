import type { PestelTheme } from "../pestel/model.js";

/** A theme of row 5 with only what the matrix reads: factor, element and the two ratings. */
export const pestelTheme = (
  factor: PestelTheme["factor"],
  element: PestelTheme["element"],
  impact: number | null,
  room: number | null,
): PestelTheme => ({
  factor,
  element,
  theme: "t",
  impact,
  room,
  actionField: null,
  measures: [],
  owner: null,
  reviewDate: null,
  row: 5,
});
