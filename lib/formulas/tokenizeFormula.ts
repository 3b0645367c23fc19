/**
 * A small tokenizer for the formulas ikz-kit writes and for what Excel or LibreOffice make of them
 * after a user's edits: A1 references (with `$`, ranges, sheet names, quoted sheet names), strings,
 * numbers, error values, function names and everything else as punctuation. Enough to compare a
 * workbook's formula with the planned one token by token; not a spreadsheet parser.
 */

/** One end of an A1 reference. */
export interface ReferencePoint {
  readonly row: number;
  readonly column: number;
  readonly absoluteRow: boolean;
  readonly absoluteColumn: boolean;
}

export type FormulaToken =
  | {
      readonly kind: "reference";
      readonly sheet: string | undefined;
      readonly start: ReferencePoint;
      readonly end: ReferencePoint | undefined;
    }
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "symbol"; readonly text: string };

const ERROR_VALUES = ["#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#N/A", "#GETTING_DATA", "#SPILL!"];
const POINT = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/;
const PLAIN_SHEET = /^([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/;

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function point(match: RegExpExecArray): ReferencePoint {
  return {
    absoluteColumn: match[1] === "$",
    column: columnNumberOf(match[2] ?? ""),
    absoluteRow: match[3] === "$",
    row: Number(match[4]),
  };
}

/** A cell or range reference at the start of `text` (after any sheet prefix), with its length. */
function readPoints(
  text: string,
): { start: ReferencePoint; end: ReferencePoint | undefined; length: number } | undefined {
  const first = POINT.exec(text);
  if (!first) return undefined;
  let length = first[0].length;
  // `A1(` is no reference (a function such as LOG10), nor `A1B`: a name goes on
  const next = text[length];
  if (next !== undefined && /[A-Za-z0-9_(.]/.test(next)) return undefined;
  let end: ReferencePoint | undefined;
  if (next === ":") {
    const second = POINT.exec(text.slice(length + 1));
    if (second) {
      end = point(second);
      length += 1 + second[0].length;
    }
  }
  return { start: point(first), end, length };
}

/**
 * Splits a formula (with or without the leading `=`) into tokens; white space is dropped.
 * Function names and names keep their case; compare them case-insensitively.
 *
 * @example
 * tokenizeFormula("IF(Kommunen!$E$7=\"\",0,A7*2)")
 * // name IF, symbol (, reference Kommunen E7, symbol =, string "", …
 */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let rest = formula.startsWith("=") ? formula.slice(1) : formula;
  while (rest.length > 0) {
    const ch = rest[0] ?? "";
    if (/\s/.test(ch)) {
      rest = rest.slice(1);
      continue;
    }
    if (ch === '"') {
      let index = 1;
      let text = "";
      while (index < rest.length) {
        const c = rest[index] ?? "";
        if (c === '"') {
          if (rest[index + 1] === '"') {
            text += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        text += c;
        index += 1;
      }
      tokens.push({ kind: "string", text });
      rest = rest.slice(index);
      continue;
    }
    if (ch === "#") {
      const error = ERROR_VALUES.find((e) => rest.toUpperCase().startsWith(e));
      const text = error ?? rest.slice(0, 1);
      tokens.push({ kind: "error", text: text.toUpperCase() });
      rest = rest.slice(text.length);
      continue;
    }
    // a sheet prefix: 'Quoted name'! or Plain!
    let sheet: string | undefined;
    let afterSheet = rest;
    if (ch === "'") {
      let index = 1;
      let name = "";
      while (index < rest.length) {
        const c = rest[index] ?? "";
        if (c === "'") {
          if (rest[index + 1] === "'") {
            name += "'";
            index += 2;
            continue;
          }
          break;
        }
        name += c;
        index += 1;
      }
      if (rest[index + 1] === "!") {
        sheet = name;
        afterSheet = rest.slice(index + 2);
      }
    } else {
      const plain = PLAIN_SHEET.exec(rest);
      if (plain) {
        sheet = plain[1];
        afterSheet = rest.slice(plain[0].length);
      }
    }
    if (sheet !== undefined) {
      if (afterSheet.startsWith("#")) {
        // a reference whose cells were deleted: Sheet!#REF!
        const error = ERROR_VALUES.find((e) => afterSheet.toUpperCase().startsWith(e)) ?? "#";
        tokens.push({ kind: "error", text: error });
        rest = afterSheet.slice(error.length);
        continue;
      }
      const points = readPoints(afterSheet);
      if (points) {
        tokens.push({ kind: "reference", sheet, start: points.start, end: points.end });
        rest = afterSheet.slice(points.length);
        continue;
      }
    }
    const points = /[A-Za-z$]/.test(ch) ? readPoints(rest) : undefined;
    if (points) {
      tokens.push({ kind: "reference", sheet: undefined, start: points.start, end: points.end });
      rest = rest.slice(points.length);
      continue;
    }
    const number = /[0-9.]/.test(ch) ? NUMBER.exec(rest) : null;
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]) });
      rest = rest.slice(number[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: "name", text: name[0] });
      rest = rest.slice(name[0].length);
      continue;
    }
    const two = rest.slice(0, 2);
    const symbol = two === "<>" || two === "<=" || two === ">=" ? two : ch;
    tokens.push({ kind: "symbol", text: symbol });
    rest = rest.slice(symbol.length);
  }
  return withoutEmptyCalls(tokens);
}

/** `TRUE()` and `FALSE()` (as LibreOffice writes them) are the constants `TRUE` and `FALSE`. */
function withoutEmptyCalls(tokens: FormulaToken[]): FormulaToken[] {
  const out: FormulaToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    out.push(token);
    const open = tokens[index + 1];
    const close = tokens[index + 2];
    if (
      token.kind === "name" &&
      /^(TRUE|FALSE)$/i.test(token.text) &&
      open?.kind === "symbol" &&
      open.text === "(" &&
      close?.kind === "symbol" &&
      close.text === ")"
    )
      index += 2;
  }
  return out;
}

/** True when the formula refers to deleted cells or holds an error literal such as `#REF!`. */
export function hasErrorToken(tokens: readonly FormulaToken[]): boolean {
  return tokens.some((token) => token.kind === "error");
}
