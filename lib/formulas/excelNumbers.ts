/**
 * Number semantics of the spreadsheet engines, as the formula evaluator needs them: decimal
 * rounding the way Excel and LibreOffice do it (on the decimal value to 15 significant digits,
 * half away from zero — `ROUND(2.675, 2)` is 2.68, `ROUND(1248.09/2, 2)` is 624.05, although both
 * doubles lie just below the half), LibreOffice's approximate equality and cancellation in `+`/`-`,
 * and numbers as text („General“).
 */

/** The decimal digits and exponent of |x| rounded to 15 significant digits: 0.1 → ["1", -1]. */
function decimalDigits(x: number): { digits: string; exponent: number } {
  const text = Math.abs(x).toExponential(14); // d.dddddddddddddde±x: 15 significant digits
  const e = text.indexOf("e");
  return { digits: text.slice(0, 1) + text.slice(2, e), exponent: Number(text.slice(e + 1)) };
}

type Direction = "half" | "down" | "up";

/**
 * Rounds `x` to `places` decimals (negative: to tens, hundreds …) on its 15-digit decimal value.
 * `half`: half away from zero (ROUND); `down`: towards zero (ROUNDDOWN); `up`: away from zero (ROUNDUP).
 */
export function roundDecimal(x: number, places: number, direction: Direction = "half"): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const p = Math.trunc(places);
  if (p >= 0 && Number.isInteger(x)) return x;
  if (direction === "half" && p >= 0 && p <= 15) {
    // fast path, far from the half: the 15-digit value lies on the same side (|y| < 1e9)
    const scale = 10 ** p;
    const y = Math.abs(x) * scale;
    const fraction = y - Math.floor(y);
    if (y < 1e9 && Math.abs(fraction - 0.5) > 1e-6) {
      const rounded = Math.floor(y) + (fraction > 0.5 ? 1 : 0);
      return rounded === 0 ? 0 : (x < 0 ? -rounded : rounded) / scale;
    }
  }
  const { digits, exponent } = decimalDigits(x);
  // digits[i] has the weight 10^(exponent - i); keep the digits with weight ≥ 10^-p
  const keep = exponent + p + 1;
  if (keep >= digits.length) return Number(`${x < 0 ? "-" : ""}${digits[0]}.${digits.slice(1)}e${exponent}`);
  let kept = keep > 0 ? digits.slice(0, keep) : "";
  const rest = keep >= 0 ? digits.slice(keep) : "0".repeat(-keep) + digits;
  let increment = false;
  if (direction === "half") increment = (rest.charCodeAt(0) || 48) >= 53;
  else if (direction === "up") increment = /[1-9]/.test(rest);
  let value: bigint = kept === "" ? 0n : BigInt(kept);
  if (increment) value += 1n;
  kept = value.toString();
  const result = Number(`${kept}e${-p}`);
  return x < 0 && result !== 0 ? -result : result;
}

/** `x` rounded to 15 significant digits (what Excel and LibreOffice show and compare). */
export function toFifteenDigits(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(15));
}

/** LibreOffice's `approxFloor`: the floor of the 15-digit value (INT(2.9999999999999996) = 3). */
export function approxFloor(x: number): number {
  const floor = Math.floor(x);
  // only a value just below an integer can floor differently on its 15-digit value
  if (floor + 1 - x > Math.abs(x) * 1e-13) return floor;
  return Math.floor(toFifteenDigits(x));
}

const EPSILON = 2 ** -48;

/** LibreOffice's `rtl::math::approxEqual`: equal but for the last few bits. */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  const d = Math.abs(a - b);
  return d < Math.abs(a) * EPSILON && d < Math.abs(b) * EPSILON;
}

/** `a + b`, 0 when the two cancel but for rounding noise (LibreOffice's `approxAdd`). */
export function approxAdd(a: number, b: number): number {
  if (((a < 0 && b > 0) || (b < 0 && a > 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

/** `a - b`, 0 when the two are equal but for rounding noise (LibreOffice's `approxSub`). */
export function approxSub(a: number, b: number): number {
  if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approxEqual(a, b)) return 0;
  return a - b;
}

/**
 * A number as text in the „General“ format, as `"x" & number` gives it: up to 15 significant
 * digits, no trailing zeros, scientific notation (`1E+16`, `1.5E-10`) outside 1e-9 … 1e15.
 */
export function numberToText(x: number, decimalSeparator = "."): string {
  if (x === 0) return "0";
  const rounded = toFifteenDigits(x);
  const abs = Math.abs(rounded);
  let text: string;
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa = "0", exponent = "0"] = rounded.toExponential().split("e");
    const e = Number(exponent);
    text = `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else {
    text = String(rounded);
    if (text.includes("e")) text = rounded.toFixed(20).replace(/\.?0+$/, "");
  }
  return decimalSeparator === "." ? text : text.replace(".", decimalSeparator);
}
