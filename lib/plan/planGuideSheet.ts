/**
 * The „So geht’s“ sheet of a template: what to fill, what the workbook computes, what its
 * colours and marks mean, how to check it and how to share it with partner towns. The
 * template's own words come from its `guide.ts` ({@link GuideContent}); which sheets and columns
 * are inputs, which are computed and which cells are highlighted is read from the spec, so the
 * text never drifts from the layout.
 *
 * The guide is a grid sheet of literal text (no formula, no input): readers, validation and
 * `ikz upgrade` treat it as the template's own sheet and write it anew.
 */
import type {
  ColumnSpec,
  GridCell,
  GridContent,
  GridSheetSpec,
  Language,
  LocalizedText,
  SheetSpec,
  TemplateSpec,
} from "../spec/TemplateSpec.js";

/** Key of the guide sheet in every template's spec. */
export const GUIDE_SHEET_KEY = "guide";

/** A template's own words for its guide; every text German and English. */
export interface GuideContent {
  /** The sheet's name, unique among all templates (they share workbooks, docs/decisions/0010). */
  readonly name: LocalizedText;
  /** What the workbook is for, in one or two sentences. */
  readonly purpose: LocalizedText;
  /** What to fill, step by step, before the list of input columns read from the spec. */
  readonly fill: readonly LocalizedText[];
  /** What the workbook computes, beyond the computed columns read from the spec. */
  readonly computed?: readonly LocalizedText[];
  /** Colours and marks of this template beyond the common ones (heat maps, hot spots). */
  readonly marks?: readonly LocalizedText[];
  /** The sheet's own checks (check lines, „✗“ cells), for checking without ikz-kit. */
  readonly check: readonly LocalizedText[];
  /** How the towns share their work: who fills what, what is combined. */
  readonly share: readonly LocalizedText[];
}

/** Column widths: a narrow column for bullets, a wide one for text; fits an A4 page upright. */
const BULLET_WIDTH = 3;
const TEXT_WIDTH = 86;
/** Characters of running text per printed line of the text column (Calibri 11, with room to spare). */
const CHARS_PER_LINE = 92;
/** Height of one line of text in points. */
const LINE_HEIGHT = 15;

const T = {
  title: { de: "So geht’s", en: "How to" },
  fillHeading: { de: "1. Was Sie ausfüllen", en: "1. What you fill in" },
  inputsOf: {
    de: "Eingabefelder (gelb):",
    en: "Input cells (yellow):",
  },
  computedHeading: { de: "2. Was die Mappe berechnet", en: "2. What the workbook computes" },
  computedOf: { de: "berechnet:", en: "computed:" },
  wholeSheet: {
    de: "das ganze Blatt wird berechnet, hier tragen Sie nichts ein",
    en: "the whole sheet is computed; nothing to type here",
  },
  reference: {
    de: "Nachschlage- und Auswahllisten; die Auswahlfelder der Eingabeblätter lesen sie, bitte nicht ändern",
    en: "lookup and choice lists; the drop-downs of the input sheets read them, please do not change them",
  },
  protectedNote: {
    de: "Berechnete Zellen sind gegen versehentliches Überschreiben geschützt (ohne Kennwort: Überprüfen › Blattschutz aufheben). Wer eine Formel überschreibt, bekommt bei der Prüfung einen Befund an genau dieser Zelle.",
    en: "Computed cells are protected against typing over them by accident (no password: Review › Unprotect Sheet). Whoever overwrites a formula gets a finding at exactly that cell when checking.",
  },
  marksHeading: { de: "3. Farben und Zeichen", en: "3. Colours and marks" },
  marksIntro: {
    de: "Farbe ist nie das einzige Signal: zu jeder Farbe steht ein Wort oder Zeichen in der Zelle.",
    en: "Colour is never the only signal: every colour comes with a word or symbol in the cell.",
  },
  inputColour: {
    de: "Hellgelb mit Rahmen: Eingabe – hier tragen Sie ein.",
    en: "Light yellow with a frame: input – type here.",
  },
  computedColour: {
    de: "Hellblau-grau: berechnet – nicht überschreiben.",
    en: "Light blue-grey: computed – do not type over.",
  },
  headerColour: {
    de: "Grau, fett: Spaltenüberschrift. Kursiv grau: Erläuterung.",
    en: "Grey, bold: column header. Grey italics: explanation.",
  },
  checkMarks: {
    de: "„✓“ am Anfang einer Zelle: Prüfung bestanden. „✗“ mit Begründung: hier stimmt etwas nicht, die Begründung sagt, was zu tun ist.",
    en: "“✓” at the start of a cell: check passed. “✗” with a reason: something is wrong here; the reason says what to do.",
  },
  fills: {
    good: { de: "grün", en: "green" },
    neutral: { de: "gelb", en: "yellow" },
    weak: { de: "grau", en: "grey" },
  },
  column: { de: "Spalte", en: "Column" },
  columns: { de: "Spalten", en: "Columns" },
  onSheet: { de: "Blatt", en: "sheet" },
  sheet: { de: "Blatt", en: "Sheet" },
  checkHeading: { de: "4. Prüfen", en: "4. Checking" },
  checkTool: {
    de: "Mit ikz-kit: im Aufgabenbereich unter „Prüfen“ › „Arbeitsmappe prüfen“, oder auf der Kommandozeile „ikz validate Datei.xlsx“. Jeder Befund nennt Blatt und Zelle.",
    en: "With ikz-kit: in the task pane under “Check” › “Check workbook”, or on the command line “ikz validate file.xlsx”. Every finding names its sheet and cell.",
  },
  checkAlone: {
    de: "Ohne ikz-kit prüft sich die Mappe selbst:",
    en: "Without ikz-kit the workbook checks itself:",
  },
  shareHeading: { de: "5. Mit Partnerkommunen teilen", en: "5. Sharing with partner towns" },
  shareCommon: {
    de: "Jede Kommune füllt ihre eigene Datei aus (Blätter nicht umbenennen, keine Spalten löschen). Die Dateien aller Kommunen fasst ikz-kit zur Verbundmappe zusammen: im Aufgabenbereich unter „Auswerten“ › „Verbundmappe erstellen“ oder mit „ikz consolidate Datei1.xlsx Datei2.xlsx …“.",
    en: "Each town fills its own file (do not rename sheets, do not delete columns). ikz-kit combines all towns' files into the partnership workbook: in the task pane under “Evaluate” › “Create partnership workbook”, or with “ikz consolidate file1.xlsx file2.xlsx …”.",
  },
} as const;

/** One row of the guide: a heading, a paragraph or a bullet. */
interface Block {
  readonly kind: "heading" | "paragraph" | "bullet";
  readonly text: string;
}

const quoted = (text: string, language: Language): string => (language === "de" ? `„${text}“` : `“${text}”`);
/** Label text on one line (header labels may carry line breaks). */
const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

function columnsOf(sheet: SheetSpec): readonly ColumnSpec[] {
  if (sheet.kind === "table") return sheet.columns;
  if (sheet.kind === "form") return sheet.fields;
  return [];
}

/** One bullet per sheet that has input cells: the sheet and its input columns (from the spec). */
export function guideInputs(spec: TemplateSpec, language: Language): string[] {
  return spec.sheets.flatMap((sheet) => {
    const inputs = columnsOf(sheet).filter((c) => c.kind === "input" && c.fixed !== true);
    if (inputs.length === 0) return [];
    const labels = inputs.map((c) => oneLine(c.label[language])).join(", ");
    return [`${T.sheet[language]} ${quoted(sheet.name[language], language)} – ${T.inputsOf[language]} ${labels}`];
  });
}

/** One bullet per sheet that computes something: its computed columns, or the whole sheet. */
export function guideComputed(spec: TemplateSpec, language: Language): string[] {
  const lines: string[] = [];
  const references: string[] = [];
  for (const sheet of spec.sheets) {
    if (sheet.key === GUIDE_SHEET_KEY) continue;
    const name = quoted(sheet.name[language], language);
    // a hidden working sheet (e.g. „PESTEL-Zeilen“) is nothing a user looks at
    if (sheet.kind === "grid" && sheet.hidden !== true)
      lines.push(`${T.sheet[language]} ${name}: ${T.wholeSheet[language]}`);
    else if (sheet.kind === "reference") references.push(name);
    else {
      const columns = columnsOf(sheet);
      const computed = columns.filter((c) => c.kind === "computed");
      // a working sheet (nothing to type, e.g. the cost model's cent by cent steps): the sheet, not its many columns
      if (!columns.some((c) => c.kind === "input" && c.fixed !== true) && sheet.kind === "table")
        lines.push(`${T.sheet[language]} ${name}: ${T.wholeSheet[language]}`);
      else if (computed.length > 0)
        lines.push(
          `${T.sheet[language]} ${name} – ${T.computedOf[language]} ${computed.map((c) => oneLine(c.label[language])).join(", ")}`,
        );
    }
  }
  if (references.length > 0) lines.push(`${references.join(", ")}: ${T.reference[language]}`);
  return lines;
}

/** Texts of one colour shown in the guide; a column with more (the cost model's reasons) ends in „…“. */
const TEXTS_PER_FILL = 3;

/**
 * One bullet per set of highlights (which words stand on which colour, from the spec), naming the
 * columns that share it.
 */
export function guideHighlights(spec: TemplateSpec, language: Language): string[] {
  const columnsBySet = new Map<string, string[]>();
  for (const sheet of spec.sheets) {
    for (const column of columnsOf(sheet)) {
      const highlights = (column.highlights ?? []).filter((h) => h.language === undefined || h.language === language);
      if (highlights.length === 0) continue;
      const fills = [...new Set(highlights.map((h) => h.fill))];
      const pairs = fills.map((fill) => {
        const texts = [...new Set(highlights.filter((h) => h.fill === fill).map((h) => quoted(h.equals, language)))];
        const shown = texts.slice(0, TEXTS_PER_FILL).join(language === "de" ? " oder " : " or ");
        return `${shown}${texts.length > TEXTS_PER_FILL ? " …" : ""} ${T.fills[fill][language]}`;
      });
      const key = pairs.join("; ");
      const where = `${quoted(oneLine(column.label[language]), language)} (${T.onSheet[language]} ${quoted(sheet.name[language], language)})`;
      const known = columnsBySet.get(key);
      if (known) {
        if (!known.includes(where)) known.push(where);
      } else columnsBySet.set(key, [where]);
    }
  }
  return [...columnsBySet].map(
    ([pairs, columns]) => `${(columns.length === 1 ? T.column : T.columns)[language]} ${columns.join(", ")}: ${pairs}`,
  );
}

function blocks(spec: TemplateSpec, content: GuideContent, language: Language): Block[] {
  const t = (text: LocalizedText): string => text[language];
  const paragraph = (text: string): Block => ({ kind: "paragraph", text });
  const bullet = (text: string): Block => ({ kind: "bullet", text });
  const heading = (text: LocalizedText): Block => ({ kind: "heading", text: t(text) });
  return [
    paragraph(t(content.purpose)),
    heading(T.fillHeading),
    ...content.fill.map((text) => paragraph(t(text))),
    ...guideInputs(spec, language).map(bullet),
    heading(T.computedHeading),
    ...guideComputed(spec, language).map(bullet),
    ...(content.computed ?? []).map((text) => paragraph(t(text))),
    paragraph(t(T.protectedNote)),
    heading(T.marksHeading),
    paragraph(t(T.marksIntro)),
    bullet(t(T.inputColour)),
    bullet(t(T.computedColour)),
    bullet(t(T.headerColour)),
    bullet(t(T.checkMarks)),
    ...guideHighlights(spec, language).map(bullet),
    ...(content.marks ?? []).map((text) => bullet(t(text))),
    heading(T.checkHeading),
    paragraph(t(T.checkTool)),
    paragraph(t(T.checkAlone)),
    ...content.check.map((text) => bullet(t(text))),
    heading(T.shareHeading),
    ...content.share.map((text) => paragraph(t(text))),
    paragraph(t(T.shareCommon)),
  ];
}

/** Printed lines a text takes in a column of `chars` characters, word by word. */
export function wrappedLines(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= chars) used += 1 + length;
    else {
      lines += 1 + Math.floor(length / chars);
      used = length % chars;
    }
  }
  return lines;
}

/** The cells of the guide: title, then each block in its row; heights follow the wrapped text. */
export function planGuideContent(spec: TemplateSpec, content: GuideContent, language: Language): GridContent {
  const rows: { row: number; cells: GridCell[]; height?: number }[] = [
    {
      row: 1,
      height: 24,
      cells: [{ column: 1, value: `${T.title[language]}: ${spec.title[language]}`, style: "title" }],
    },
  ];
  let row = 3;
  for (const block of blocks(spec, content, language)) {
    if (block.kind === "heading") {
      row += 1; // an empty line before each heading
      rows.push({ row, height: 20, cells: [{ column: 1, value: block.text, style: "label" }] });
    } else {
      const cells: GridCell[] = [{ column: 2, value: block.text, style: "text" }];
      if (block.kind === "bullet") cells.unshift({ column: 1, value: "•", style: "text", align: "right" });
      const height = wrappedLines(block.text, CHARS_PER_LINE) * LINE_HEIGHT + 3;
      rows.push({ row, height, cells });
    }
    row += 1;
  }
  return { columnWidths: [BULLET_WIDTH, TEXT_WIDTH], rows };
}

/** The guide sheet of a template, first in its spec's sheets. */
export function guideSheet(content: GuideContent): GridSheetSpec {
  return {
    kind: "grid",
    key: GUIDE_SHEET_KEY,
    name: content.name,
    title: T.title,
    landscape: false,
    build: (context) => planGuideContent(context.spec, content, context.language),
  };
}
