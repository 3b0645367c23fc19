/**
 * Rounds like the spreadsheet function ROUND: half away from zero, after removing the binary
 * noise a decimal number picks up (spreadsheets work to 15 significant digits).
 *
 * @example roundHalfAwayFromZero(2.675, 2) === 2.68 // plain Math.round gives 2.67
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}
