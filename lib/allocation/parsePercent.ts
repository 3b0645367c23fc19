/**
 * Reads a percentage as users type it — `30`, `0.3`, `30 %`, `30%`, `30,5 %` — into a percent
 * number (`30` = 30 %), or refuses it with a reason in German and English.
 */
import type { AllocationIssue } from "./AllocationIssue.js";
import {
  renderAllocationMessage,
  type AllocationMessageCode,
  type AllocationMessageParams,
  type LocalizedText,
} from "./messages.js";
import { toSpreadsheetPrecision } from "./toScaledInteger.js";

export interface PercentContext {
  /**
   * The cell has a percent number format. Spreadsheets store 30 % as 0.3, so every number in
   * such a cell is a fraction of 1 and is multiplied by 100.
   */
  readonly percentFormat?: boolean;
  /**
   * The values that together must sum to 100 % — all towns' fixed percentages, or one item's
   * mixed-key weights — this input included, as typed (blanks allowed). Decides how a bare number
   * between 0 and 1 is read.
   */
  readonly sumsTo100With?: readonly (number | string | null | undefined)[];
}

/** How a percentage was read. */
export type PercentReading =
  /** Text with a percent sign: `30 %`, `30,5%`. */
  | "percentSign"
  /** A number in a percent-formatted cell: 0.3 → 30 %. */
  | "percentFormat"
  /** A bare number read as percent points: 30 → 30 %. */
  | "percentPoints"
  /** A bare number read as a fraction of 1 because its group sums to 1: 0.3 → 30 %. */
  | "fraction";

export type PercentIssueCode = Extract<AllocationMessageCode, `percent.${string}`>;

export type ParsedPercent =
  | { readonly ok: true; readonly percent: number; readonly reading: PercentReading }
  | {
      readonly ok: false;
      readonly code: PercentIssueCode;
      readonly expected: string;
      readonly received: string;
      readonly message: LocalizedText;
    };

/** Tolerance when testing whether a group sums to 100 (or to 1 as fractions). */
const SUM_TOLERANCE = 1e-9;

const NUMBER_PART = String.raw`(\d+(?:[.,]\d+)?|[.,]\d+)`;
const WITH_PERCENT_SIGN = new RegExp(String.raw`^([+-]?)\s*${NUMBER_PART}\s*%$`);
const BARE_NUMBER = new RegExp(String.raw`^([+-]?)\s*${NUMBER_PART}$`);
/** `1.500`: a German thousands separator or a decimal point — cannot tell. */
const THOUSANDS_LOOKALIKE = /^[+-]?\s*[1-9]\d{0,2}\.\d{3}\s*%?$/;

type Token =
  | { readonly kind: "blank" | "text" | "separator" }
  | { readonly kind: "percentSign" | "percentFormat" | "bare"; readonly value: number };

function parseNumber(sign: string | undefined, digits: string | undefined): number {
  const value = Number((digits ?? "").replace(",", "."));
  return sign === "-" ? -value : value;
}

function tokenize(input: number | string | null | undefined, percentFormat: boolean): Token {
  if (input === null || input === undefined) return { kind: "blank" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { kind: "text" };
    return percentFormat
      ? { kind: "percentFormat", value: toSpreadsheetPrecision(input * 100) }
      : { kind: "bare", value: input };
  }
  const text = input
    .replace(/[\u00A0\u202F\u2009]/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
  if (text === "") return { kind: "blank" };
  if (THOUSANDS_LOOKALIKE.test(text)) return { kind: "separator" };
  const signed = WITH_PERCENT_SIGN.exec(text);
  if (signed) return { kind: "percentSign", value: parseNumber(signed[1], signed[2]) };
  const bare = BARE_NUMBER.exec(text);
  if (bare) return { kind: "bare", value: parseNumber(bare[1], bare[2]) };
  return { kind: "text" };
}

/**
 * Parses one percentage. The rule, in order:
 * 1. Text with a percent sign (`30 %`, `30%`, `30,5 %`, `0,5 %`): that many percent. Comma or
 *    point is the decimal separator; `1.500` (thousands separator or decimal point?) is refused.
 * 2. A number in a percent-formatted cell (`percentFormat`): a fraction, ×100 (0.3 → 30 %).
 * 3. A bare number (or number-like text without `%`): 0 or above 1 → percent points (30 → 30 %).
 *    Between 0 and 1 (0 < x ≤ 1) it is ambiguous (0.3 % or 30 %?) and is read only by its group
 *    (`sumsTo100With`): with `P` the sum of the group's explicit percentages (rules 1–2) and `N`
 *    the sum of its bare numbers, `P + N = 100` → points; `P + 100·N = 100` → fractions (×100);
 *    otherwise, and always without a group, it is refused as ambiguous.
 * Then negative values and values above 100 % are refused; text that is no number, and blanks,
 * too. Each refusal carries a message in German and English.
 *
 * @example parsePercent("30,5 %", {}) // → { ok: true, percent: 30.5, reading: "percentSign" }
 * @example parsePercent(0.3, { sumsTo100With: [0.3, 0.7] }) // → { ok: true, percent: 30, reading: "fraction" }
 * @example parsePercent(0.3, {}) // → { ok: false, code: "percent.ambiguous", … }
 */
export function parsePercent(input: number | string | null | undefined, context: PercentContext = {}): ParsedPercent {
  const percentFormat = context.percentFormat === true;
  const token = tokenize(input, percentFormat);
  const typed: AllocationMessageParams =
    typeof input === "string" ? { text: input.trim() } : typeof input === "number" ? { typedNumber: input } : {};
  const received =
    input === null || input === undefined ? "empty" : typeof input === "string" ? JSON.stringify(input) : String(input);
  const refuse = (code: PercentIssueCode, expected: string, params: AllocationMessageParams = {}): ParsedPercent => ({
    ok: false,
    code,
    expected,
    received,
    message: renderAllocationMessage(code, { ...typed, ...params }),
  });

  switch (token.kind) {
    case "blank":
      return refuse("percent.blank", "a percentage");
    case "text":
      return refuse("percent.notANumber", "a percentage such as 30, 30 % or 30,5 %");
    case "separator":
      return refuse("percent.separatorAmbiguous", "a number without thousands separator");
    default:
      break;
  }
  if (token.value < 0) return refuse("percent.negative", "≥ 0");

  let percent: number;
  let reading: PercentReading;
  if (token.kind === "bare" && token.value > 0 && token.value <= 1) {
    const group = context.sumsTo100With;
    if (group === undefined)
      return refuse("percent.ambiguous", "a percent sign or a percent-formatted cell", { value: token.value });
    let explicit = 0;
    let bare = 0;
    for (const member of group) {
      const memberToken = tokenize(member, percentFormat);
      if (memberToken.kind === "bare") bare += memberToken.value;
      else if (memberToken.kind === "percentSign" || memberToken.kind === "percentFormat")
        explicit += memberToken.value;
    }
    if (Math.abs(explicit + bare - 100) <= SUM_TOLERANCE) {
      percent = token.value;
      reading = "percentPoints";
    } else if (Math.abs(explicit + 100 * bare - 100) <= SUM_TOLERANCE) {
      percent = toSpreadsheetPrecision(token.value * 100);
      reading = "fraction";
    } else {
      return refuse("percent.ambiguous", "a group summing to 100 or 1, or a percent sign", {
        value: token.value,
        count: group.length,
      });
    }
  } else {
    percent = token.value;
    reading = token.kind === "bare" ? "percentPoints" : token.kind;
  }
  if (percent > 100 + SUM_TOLERANCE) return refuse("percent.aboveHundred", "≤ 100 %", { value: percent });
  return { ok: true, percent, reading };
}

/** A refused percentage as an issue at `path` (e.g. `towns[2].fixedPercent`). */
export function percentIssue(parsed: Extract<ParsedPercent, { ok: false }>, path: string): AllocationIssue {
  return {
    severity: "error",
    code: parsed.code,
    path,
    expected: parsed.expected,
    received: parsed.received,
    message: parsed.message,
  };
}
