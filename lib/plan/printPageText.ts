/**
 * Headers and footers of a plan ({@link PrintPageText}) in Excel's code language, which both the
 * .xlsx file (`<oddHeader>`) and Office.js (`pageLayout.headersFooters`) use and LibreOffice reads:
 * `&L`, `&C`, `&R` start the left, centre and right section; `&P` is the page number, `&N` the
 * number of pages, `&D` the print date, `&A` the sheet's name; a literal `&` is written `&&`.
 */
import { PRINT_PAGE_TEXT_MAX, type PrintPageText } from "./WorkbookPlan.js";

/** The plan's placeholders and the codes they stand for. */
const FIELD_CODES: Readonly<Record<string, string>> = {
  "{page}": "&P",
  "{pages}": "&N",
  "{date}": "&D",
  "{sheet}": "&A",
};

/**
 * One section's text in Excel's codes: `&` doubled, placeholders replaced.
 * @example pageTextCode("Seite {page} von {pages}") // → "Seite &P von &N"
 * @example pageTextCode("Bau & Hof") // → "Bau && Hof"
 */
export function pageTextCode(text: string): string {
  return text
    .split(/(\{page\}|\{pages\}|\{date\}|\{sheet\})/)
    .map((part) => FIELD_CODES[part] ?? part.replace(/&/g, "&&"))
    .join("");
}

/** Each non-empty section in Excel's codes (the form Office.js sets them in). */
export function pageTextSections(text: PrintPageText): { left?: string; center?: string; right?: string } {
  const sections: { left?: string; center?: string; right?: string } = {};
  if (text.left !== undefined && text.left !== "") sections.left = pageTextCode(text.left);
  if (text.center !== undefined && text.center !== "") sections.center = pageTextCode(text.center);
  if (text.right !== undefined && text.right !== "") sections.right = pageTextCode(text.right);
  return sections;
}

/**
 * The whole header or footer as an .xlsx stores it (`&L…&C…&R…`); `undefined` when all sections
 * are empty.
 * @example headerFooterCode({ left: "Anlage", right: "Seite {page} von {pages}" }) // → "&LAnlage&RSeite &P von &N"
 */
export function headerFooterCode(text: PrintPageText | undefined): string | undefined {
  if (text === undefined) return undefined;
  const sections = pageTextSections(text);
  const code =
    (sections.left === undefined ? "" : `&L${sections.left}`) +
    (sections.center === undefined ? "" : `&C${sections.center}`) +
    (sections.right === undefined ? "" : `&R${sections.right}`);
  return code === "" ? undefined : code;
}

/** Why a header or footer cannot be written, if it cannot: longer than Excel allows. */
export function pageTextProblem(text: PrintPageText | undefined): string | undefined {
  const code = headerFooterCode(text);
  return code !== undefined && code.length > PRINT_PAGE_TEXT_MAX
    ? `a header or footer holds at most ${PRINT_PAGE_TEXT_MAX} characters (codes included), this one ${code.length}`
    : undefined;
}
