/**
 * Parses the formulas ikz-kit writes into a syntax tree for the evaluator
 * (lib/formulas/evaluateFormula.ts). References are stored relative to the formula's own cell
 * where they are relative (`A5` in row 5 and `A6` in row 6 are the same tree), so a table's
 * formulas are parsed once per column, not once per row: {@link formulaShapeKey} gives the key
 * under which a parsed tree can be shared.
 *
 * Operators (Excel's precedence, low to high): comparison `= <> < > <= >=`, `&`, `+ -`, `* /`,
 * `^`, postfix `%`, prefix `- +`. References: `A1`, `$A$1`, `A1:B5`, `A:C`, `3:5`, with `Sheet!`
 * or `'Quoted sheet'!`. Literals: numbers, `"text"` (`""` inside), `TRUE`, `FALSE`, error values.
 */

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** One end of a reference: absolute coordinates, or offsets from the formula's cell. */
export interface RefPoint {
  readonly row: number;
  readonly column: number;
  readonly absoluteRow: boolean;
  readonly absoluteColumn: boolean;
}

export type FormulaNode =
  | { readonly t: "number"; readonly value: number }
  | { readonly t: "string"; readonly value: string }
  | { readonly t: "boolean"; readonly value: boolean }
  | { readonly t: "error"; readonly value: string }
  | { readonly t: "missing" }
  | { readonly t: "ref"; readonly sheet: string | undefined; readonly start: RefPoint; readonly end: RefPoint }
  | { readonly t: "call"; readonly name: string; readonly args: readonly FormulaNode[] }
  | { readonly t: "unary"; readonly op: "-" | "+" | "%"; readonly operand: FormulaNode }
  | { readonly t: "binary"; readonly op: string; readonly left: FormulaNode; readonly right: FormulaNode };

export class FormulaSyntaxError extends Error {}

const ERROR_LITERALS = ["#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#N/A"];

function columnNumberOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

/** A reference in the text, before it is made relative. */
const REFERENCE =
  /(?<![A-Za-z0-9_.\\])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7}))?(?![A-Za-z0-9_(.!\\])/y;
const COLUMN_RANGE = /(?<![A-Za-z0-9_.\\])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.!\\])/y;
const ROW_RANGE = /(?<![A-Za-z0-9_.\\])(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!\\])/y;

/** Finds references and strings for {@link formulaShapeKey}. */
const SHAPE_PATTERN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.\\$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!\\])|(?<![A-Za-z0-9_.\\$])(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_(.!\\])/g;

/**
 * The formula with every relative row and column written as an offset from (`row`, `column`):
 * two formulas with the same key parse to the same tree. Column-only ranges (`A:C`) keep their
 * letters, so the key starts with the formula's column.
 */
export function formulaShapeKey(formula: string, row: number, column: number): string {
  return `${column}|${formula.replace(
    SHAPE_PATTERN,
    (
      match: string,
      ac?: string,
      letters?: string,
      ar?: string,
      digits?: string,
      ar1?: string,
      r1?: string,
      ar2?: string,
      r2?: string,
    ) => {
      if (letters !== undefined && digits !== undefined) {
        const c = ac === "$" ? `$${columnNumberOf(letters)}` : `~${columnNumberOf(letters) - column}`;
        const r = ar === "$" ? `$${digits}` : `~${Number(digits) - row}`;
        return `{${c},${r}}`;
      }
      if (r1 !== undefined && r2 !== undefined) {
        const a = ar1 === "$" ? `$${r1}` : `~${Number(r1) - row}`;
        const b = ar2 === "$" ? `$${r2}` : `~${Number(r2) - row}`;
        return `{${a}:${b}}`;
      }
      return match;
    },
  )}`;
}

type Token =
  | { readonly k: "num"; readonly v: number }
  | { readonly k: "str"; readonly v: string }
  | { readonly k: "err"; readonly v: string }
  | { readonly k: "ref"; readonly sheet: string | undefined; readonly start: RefPoint; readonly end: RefPoint }
  | { readonly k: "name"; readonly v: string }
  | { readonly k: "op"; readonly v: string };

function point(
  absCol: string | undefined,
  letters: string | undefined,
  absRow: string | undefined,
  digits: string | undefined,
  row: number,
  column: number,
): RefPoint {
  const absoluteColumn = absCol === "$";
  const absoluteRow = absRow === "$";
  const c = columnNumberOf(letters ?? "A");
  const r = Number(digits);
  return {
    absoluteColumn,
    absoluteRow,
    column: absoluteColumn ? c : c - column,
    row: absoluteRow ? r : r - row,
  };
}

function sticky(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** Splits a formula (without `=`) into tokens; references relative to (`row`, `column`). */
function lex(text: string, row: number, column: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const readReference = (sheet: string | undefined, at: number): number | undefined => {
    const cell = sticky(REFERENCE, text, at);
    if (cell) {
      const start = point(cell[1], cell[2], cell[3], cell[4], row, column);
      const end = cell[6] === undefined ? start : point(cell[5], cell[6], cell[7], cell[8], row, column);
      tokens.push({ k: "ref", sheet, start, end });
      return REFERENCE.lastIndex;
    }
    const cols = sticky(COLUMN_RANGE, text, at);
    if (cols) {
      const start: RefPoint = { ...point(cols[1], cols[2], "$", "1", row, column) };
      const end: RefPoint = { ...point(cols[3], cols[4], "$", String(MAX_ROW), row, column) };
      tokens.push({ k: "ref", sheet, start, end });
      return COLUMN_RANGE.lastIndex;
    }
    const rows = sticky(ROW_RANGE, text, at);
    if (rows) {
      const start = point("$", "A", rows[1], rows[2], row, column);
      const end = point("$", "XFD", rows[3], rows[4], row, column);
      tokens.push({ k: "ref", sheet, start, end });
      return ROW_RANGE.lastIndex;
    }
    return undefined;
  };
  while (i < n) {
    const ch = text[i] as string;
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= n) throw new FormulaSyntaxError("unterminated string");
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ k: "str", v: value });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const upper = text.slice(i, i + 8).toUpperCase();
      const error = ERROR_LITERALS.find((e) => upper.startsWith(e));
      if (!error) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      tokens.push({ k: "err", v: error });
      i += error.length;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= n) throw new FormulaSyntaxError("unterminated sheet name");
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += text[j];
        j++;
      }
      if (text[j + 1] !== "!") throw new FormulaSyntaxError("quoted name without !");
      const next = readReference(name, j + 2);
      if (next === undefined) throw new FormulaSyntaxError(`no reference after '${name}'!`);
      i = next;
      continue;
    }
    const plainSheet = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*!/.exec(text.slice(i, i + 40));
    if (plainSheet && (i === 0 || !/[A-Za-z0-9_.]/.test(text[i - 1] ?? ""))) {
      const name = plainSheet[0].slice(0, -1);
      const next = readReference(name, i + plainSheet[0].length);
      if (next === undefined) throw new FormulaSyntaxError(`no reference after ${name}!`);
      i = next;
      continue;
    }
    if (/[A-Za-z$0-9]/.test(ch)) {
      const next = readReference(undefined, i);
      if (next !== undefined) {
        i = next;
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const m = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
      m.lastIndex = i;
      const found = m.exec(text);
      if (!found) throw new FormulaSyntaxError(`bad number at ${i}`);
      tokens.push({ k: "num", v: Number(found[0]) });
      i = m.lastIndex;
      continue;
    }
    if (/[A-Za-z_\\]/.test(ch)) {
      const m = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
      m.lastIndex = i;
      const found = m.exec(text);
      if (!found) throw new FormulaSyntaxError(`bad name at ${i}`);
      tokens.push({ k: "name", v: found[0] });
      i = m.lastIndex;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      tokens.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%(),".includes(ch)) {
      tokens.push({ k: "op", v: ch });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
  }
  return tokens;
}

const COMPARISONS = new Set(["=", "<>", "<", ">", "<=", ">="]);

/**
 * Parses a formula (with or without `=`) written in the cell at (`row`, `column`).
 * @throws FormulaSyntaxError for text that is no formula of this grammar
 */
export function parseFormula(formula: string, row: number, column: number): FormulaNode {
  const tokens = lex(formula.startsWith("=") ? formula.slice(1) : formula, row, column);
  let at = 0;
  const peekOp = (): string | undefined => {
    const token = tokens[at];
    return token?.k === "op" ? token.v : undefined;
  };
  const expect = (op: string): void => {
    if (peekOp() !== op) throw new FormulaSyntaxError(`expected "${op}"`);
    at++;
  };

  const comparison = (): FormulaNode => {
    let left = concatenation();
    for (let op = peekOp(); op !== undefined && COMPARISONS.has(op); op = peekOp()) {
      at++;
      left = { t: "binary", op, left, right: concatenation() };
    }
    return left;
  };
  const concatenation = (): FormulaNode => {
    let left = additive();
    while (peekOp() === "&") {
      at++;
      left = { t: "binary", op: "&", left, right: additive() };
    }
    return left;
  };
  const additive = (): FormulaNode => {
    let left = multiplicative();
    for (let op = peekOp(); op === "+" || op === "-"; op = peekOp()) {
      at++;
      left = { t: "binary", op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): FormulaNode => {
    let left = power();
    for (let op = peekOp(); op === "*" || op === "/"; op = peekOp()) {
      at++;
      left = { t: "binary", op, left, right: power() };
    }
    return left;
  };
  const power = (): FormulaNode => {
    let left = percent();
    while (peekOp() === "^") {
      at++;
      left = { t: "binary", op: "^", left, right: percent() };
    }
    return left;
  };
  const percent = (): FormulaNode => {
    let operand = prefix();
    while (peekOp() === "%") {
      at++;
      operand = { t: "unary", op: "%", operand };
    }
    return operand;
  };
  const prefix = (): FormulaNode => {
    const op = peekOp();
    if (op === "-" || op === "+") {
      at++;
      return { t: "unary", op, operand: prefix() };
    }
    return primary();
  };
  const primary = (): FormulaNode => {
    const token = tokens[at];
    if (token === undefined) throw new FormulaSyntaxError("formula ends too early");
    at++;
    switch (token.k) {
      case "num":
        return { t: "number", value: token.v };
      case "str":
        return { t: "string", value: token.v };
      case "err":
        return { t: "error", value: token.v };
      case "ref":
        return { t: "ref", sheet: token.sheet, start: token.start, end: token.end };
      case "name": {
        if (peekOp() === "(") {
          at++;
          const args: FormulaNode[] = [];
          if (peekOp() === ")") {
            at++;
          } else {
            for (;;) {
              const op = peekOp();
              args.push(op === "," || op === ")" ? { t: "missing" } : comparison());
              if (peekOp() === ",") {
                at++;
                continue;
              }
              expect(")");
              break;
            }
          }
          const name = token.v.toUpperCase();
          if ((name === "TRUE" || name === "FALSE") && args.length === 0)
            return { t: "boolean", value: name === "TRUE" };
          return { t: "call", name, args };
        }
        const upper = token.v.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { t: "boolean", value: upper === "TRUE" };
        throw new FormulaSyntaxError(`unknown name ${token.v}`);
      }
      case "op":
        if (token.v === "(") {
          const inner = comparison();
          expect(")");
          return inner;
        }
        throw new FormulaSyntaxError(`unexpected "${token.v}"`);
    }
  };

  const tree = comparison();
  if (at !== tokens.length) throw new FormulaSyntaxError("text after the end of the formula");
  return tree;
}
