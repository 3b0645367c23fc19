/**
 * Moves the relative references of a formula by a row/column offset, as Excel does when it
 * fills a shared formula (`<f t="shared" si="…"/>`) from its master cell into a dependent cell.
 *
 * Handles A1 references with or without `$`, ranges (each end moves on its own), whole-column
 * (`A:C`) and whole-row (`3:5`) ranges, sheet-qualified references (`Sheet!A1`, `'My sheet'!A1`),
 * and leaves string literals, quoted sheet names, structured references (`Table[Col]`), function
 * names (`LOG10(`) and defined names untouched. A reference moved off the sheet becomes `#REF!`.
 */
import { columnLetter, columnNumber } from "../cells/address.js";

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const STICKY = {
  cell: /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y,
  columnRange: /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y,
  rowRange: /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y,
};

const columnToNumber = columnNumber;
const numberToColumn = columnLetter;

/** A character that can continue a name or number, so a reference cannot start or end next to it. */
function isNameChar(code: number | undefined): boolean {
  if (code === undefined) return false;
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 46 || // .
    code === 92 || // backslash
    code > 127
  );
}

function sticky(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/**
 * `shiftFormula("SUM(A$1:A1)*$B2", 3, 1)` → `"SUM(B$1:B4)*$B5"`.
 * @param rows rows to move down (negative: up)
 * @param columns columns to move right (negative: left)
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    const code = formula.charCodeAt(i);
    if (ch === '"') {
      // string literal; "" is an escaped quote
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name; '' is an escaped apostrophe
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // structured reference or external workbook index: copy up to the matching bracket
      let depth = 0;
      let j = i;
      while (j < n) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]") {
          depth--;
          if (depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const startsToken = i === 0 || (!isNameChar(formula.charCodeAt(i - 1)) && formula[i - 1] !== "$");
    if (startsToken && (code === 36 || (isNameChar(code) && code !== 46 && code !== 92))) {
      const columnRange = sticky(STICKY.columnRange, formula, i);
      if (
        columnRange &&
        !isNameChar(formula.charCodeAt(i + columnRange[0].length)) &&
        formula[i + columnRange[0].length] !== "("
      ) {
        const [, abs1 = "", c1 = "", abs2 = "", c2 = ""] = columnRange;
        const a = abs1 ? columnToNumber(c1) : columnToNumber(c1) + columns;
        const b = abs2 ? columnToNumber(c2) : columnToNumber(c2) + columns;
        out +=
          a < 1 || b < 1 || a > MAX_COLUMN || b > MAX_COLUMN
            ? "#REF!"
            : `${abs1}${numberToColumn(a)}:${abs2}${numberToColumn(b)}`;
        i += columnRange[0].length;
        continue;
      }
      const rowRange = sticky(STICKY.rowRange, formula, i);
      if (rowRange && !isNameChar(formula.charCodeAt(i + rowRange[0].length))) {
        const [, abs1 = "", r1 = "", abs2 = "", r2 = ""] = rowRange;
        const a = abs1 ? Number(r1) : Number(r1) + rows;
        const b = abs2 ? Number(r2) : Number(r2) + rows;
        out += a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW ? "#REF!" : `${abs1}${a}:${abs2}${b}`;
        i += rowRange[0].length;
        continue;
      }
      const cell = sticky(STICKY.cell, formula, i);
      if (cell) {
        const end = i + cell[0].length;
        const next = formula[end];
        if (!isNameChar(formula.charCodeAt(end)) && next !== "(" && next !== "!") {
          const [, absColumn = "", letters = "", absRow = "", digits = ""] = cell;
          const column = absColumn ? columnToNumber(letters) : columnToNumber(letters) + columns;
          const row = absRow ? Number(digits) : Number(digits) + rows;
          out +=
            column < 1 || row < 1 || column > MAX_COLUMN || row > MAX_ROW
              ? "#REF!"
              : `${absColumn}${numberToColumn(column)}${absRow}${row}`;
          i = end;
          continue;
        }
      }
      // a name, function name, number or boolean: copy it whole
      let j = i + 1;
      while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      // scientific notation: 1E+5
      if (/^[0-9.]+[eE]$/.test(formula.slice(i, j)) && (formula[j] === "+" || formula[j] === "-")) {
        j++;
        while (j < n && isNameChar(formula.charCodeAt(j))) j++;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
