/**
 * Spreadsheet functions a template formula may use: each works the same in Excel 2016 (also the
 * volume-licensed MSI edition), Excel on the web and LibreOffice 7.4, needs no `_xlfn.` prefix
 * in the file and no dynamic arrays. DEVELOPERS.md explains the list; a test checks every
 * formula of every template against it.
 */
export const COMPATIBLE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  "CHAR",
  "CHOOSE",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "DATE",
  "DAY",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "LEN",
  "MATCH",
  "MAX",
  "MID",
  "MIN",
  "MOD",
  "MONTH",
  "NOT",
  "OR",
  "RANK",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "ROW",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "TEXT",
  "TRIM",
  "VLOOKUP",
  "YEAR",
]);

/** Functions that must never appear (newer than Excel 2016 or array-only). */
export const FORBIDDEN_FUNCTIONS: ReadonlySet<string> = new Set([
  "LET",
  "LAMBDA",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "MAXIFS",
  "MINIFS",
  "TEXTJOIN",
  "CONCAT",
  "IFS",
  "SWITCH",
  "RANK.EQ",
  "RANK.AVG",
]);

/** The function names a formula calls (string literals ignored), upper-cased. */
export function functionsIn(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => (m[1] ?? "").toUpperCase());
}
