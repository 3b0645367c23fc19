/**
 * Sheet references in formula text, changed as Excel changes them when a sheet is renamed or
 * deleted. Used by the writer (new sheets are written under temporary names, their formulas
 * referring to those names) and by the fake Excel (adapters/office/testing/fakeExcel.ts), which rewrites
 * every formula of the workbook on rename and delete, as Excel does.
 *
 * A sheet prefix is `Name!` or `'Quoted name'!` outside a string literal, not preceded by a name
 * character or `]` (an external reference `[1]Sheet!A1` is left alone). 3D references
 * (`Sheet1:Sheet3!A1`) are not recognised; ikz-kit writes none.
 */

/** Whether a name could be read as a cell (`A1`, `XFD1048576`) or an R1C1 reference (`R1C1`, `R`, `C2`). */
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R\d*C\d*|R\d*|C\d*)$/i.test(name);
}

/**
 * The sheet name as Excel writes it in a formula: bare when it is letters (any script), digits,
 * `_` and `.`, starting with a letter or `_`, and cannot be read as a cell or R1C1 reference;
 * otherwise in apostrophes, an apostrophe in the name doubled. `Kommune` → `Kommune`,
 * `~ikz-alt-1` → `'~ikz-alt-1'`, `Teilbeträge` → `Teilbeträge` (LibreOffice writes umlaut names
 * bare into .xlsx too), `Product framework` → `'Product framework'`.
 */
export function formulaSheetName(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeReference(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const BARE_SHEET = /[\p{L}_\\][\p{L}\p{N}_.\\]*/uy;

/** A sheet prefix found in a formula: where it starts and ends (after the `!`), and the name. */
interface SheetPrefix {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/** Every sheet prefix of a formula, in order. */
function sheetPrefixes(formula: string): SheetPrefix[] {
  const found: SheetPrefix[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    const before = i > 0 ? (formula[i - 1] as string) : "";
    // not after a name character, `]` (external reference) or `#` (`#REF!` is no sheet)
    const mayStart = before === "" || (!NAME_CHAR.test(before) && before !== "]" && before !== "#");
    if (ch === "'" && mayStart) {
      let j = i + 1;
      let name = "";
      while (j < n) {
        const c = formula[j] as string;
        if (c === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += c;
        j++;
      }
      if (formula[j + 1] === "!") {
        found.push({ start: i, end: j + 2, name });
        i = j + 2;
      } else {
        i = j + 1;
      }
      continue;
    }
    if (mayStart) {
      BARE_SHEET.lastIndex = i;
      const bare = BARE_SHEET.exec(formula);
      if (bare) {
        const end = i + bare[0].length;
        if (formula[end] === "!") found.push({ start: i, end: end + 1, name: bare[0] });
        i = end;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** Replaces each sheet prefix for which `replace` returns text (the text replaces `Name!`). */
function rewritePrefixes(formula: string, replace: (name: string) => string | undefined): string {
  let out = "";
  let last = 0;
  for (const prefix of sheetPrefixes(formula)) {
    const replacement = replace(prefix.name);
    if (replacement === undefined) continue;
    out += formula.slice(last, prefix.start) + replacement;
    last = prefix.end;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/**
 * Whether the formula text can name the sheet at all (as written or quoted, `'` doubled): a
 * cheap test before parsing, since most formulas of a workbook never name a given sheet.
 */
function mayName(formula: string, sheet: string): boolean {
  const text = formula.toLowerCase();
  const name = sheet.toLowerCase();
  return text.includes(name) || text.includes(name.replaceAll("'", "''"));
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The formula after sheet `from` was renamed to `to`, as Excel rewrites it:
 * `renameSheetInFormula("Kommune!A1+1", "Kommune", "~ikz-alt-1")` → `"'~ikz-alt-1'!A1+1"`.
 * Sheet names compare case-insensitively; text in string literals is left alone.
 */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  if (!mayName(formula, from)) return formula;
  return rewritePrefixes(formula, (name) => (sameSheet(name, from) ? `${formulaSheetName(to)}!` : undefined));
}

/** The formula with every sheet renamed as `names` maps them (lower-case old name → new name). */
export function renameSheetsInFormula(formula: string, names: ReadonlyMap<string, string>): string {
  return rewritePrefixes(formula, (name) => {
    const to = names.get(name.toLowerCase());
    return to === undefined ? undefined : `${formulaSheetName(to)}!`;
  });
}

/**
 * The formula after sheet `deleted` was deleted: each reference to it becomes `#REF!` followed
 * by the cell part, as Excel shows it (`Kommune!$B$6` → `#REF!$B$6`, `SUM('Meine Daten'!A1:B2)`
 * → `SUM(#REF!A1:B2)`). LibreOffice shows `$#REF!.A1` and stores `#REF!` in an .xlsx.
 */
export function deleteSheetInFormula(formula: string, deleted: string): string {
  if (!mayName(formula, deleted)) return formula;
  return rewritePrefixes(formula, (name) => (sameSheet(name, deleted) ? "#REF!" : undefined));
}

/**
 * The formula with every sheet name quoted as Excel writes it ({@link formulaSheetName}) — what
 * Excel shows after it rewrote a reference (rename): `'Teilbeträge'!A1` → `Teilbeträge!A1`.
 */
export function withExcelSheetQuoting(formula: string): string {
  return rewritePrefixes(formula, (name) => `${formulaSheetName(name)}!`);
}

/** The sheets a formula refers to, as written (unquoted), each once (case-insensitively). */
export function sheetsReferredTo(formula: string): string[] {
  const seen = new Map<string, string>();
  for (const prefix of sheetPrefixes(formula)) {
    if (!seen.has(prefix.name.toLowerCase())) seen.set(prefix.name.toLowerCase(), prefix.name);
  }
  return [...seen.values()];
}
