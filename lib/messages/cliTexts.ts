/** Texts of the command line (help, progress, results), German first. */
import type { Language } from "../spec/TemplateSpec.js";
import { countNoun } from "./plural.js";

export interface CliParams {
  readonly file?: string;
  readonly value?: string;
  readonly count?: number;
  readonly other?: string;
  /** Errors and warnings of a validation summary. */
  readonly errors?: number;
  readonly warnings?: number;
  /** Places the user should check (`ikz upgrade`). */
  readonly toCheck?: number;
}

type Render = (p: CliParams) => string;

/** Why the file system refused a write, by error code. */
const WRITE_FAILURES: Record<Language, Readonly<Record<string, string>>> = {
  de: {
    ENOENT: "der Ordner existiert nicht",
    ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    EISDIR: "dort liegt ein Ordner",
    EEXIST: "dort liegt schon eine Datei",
    EACCES: "keine Schreibberechtigung",
    EPERM: "keine Schreibberechtigung",
    ENOSPC: "der Datenträger ist voll",
    EROFS: "der Datenträger ist schreibgeschützt",
  },
  en: {
    ENOENT: "the folder does not exist",
    ENOTDIR: "part of the path is not a folder",
    EISDIR: "a folder is in the way",
    EEXIST: "a file is in the way",
    EACCES: "no permission to write",
    EPERM: "no permission to write",
    ENOSPC: "the disk is full",
    EROFS: "the disk is read-only",
  },
};

const texts = {
  programDescription: {
    de: () => "ikz-kit: Vorlagen, Prüfung und Auswertung für die interkommunale Zusammenarbeit",
    en: () => "ikz-kit: templates, validation and analysis for inter-municipal cooperation",
  },
  optionHelp: { de: () => "Hilfe anzeigen", en: () => "show help" },
  optionVersion: { de: () => "Version anzeigen", en: () => "show the version" },
  optionLang: {
    de: () => "Sprache der Ausgaben und Vorlagen: de oder en",
    en: () => "language of messages and templates: de or en",
  },
  optionJson: { de: () => "Ergebnis als JSON auf stdout", en: () => "result as JSON on stdout" },
  optionForce: { de: () => "vorhandene Datei überschreiben", en: () => "overwrite an existing file" },
  optionOut: { de: () => "Zieldatei (.xlsx)", en: () => "output file (.xlsx)" },
  optionTown: { de: () => "Name der Kommune", en: () => "name of the town" },
  optionTowns: {
    de: (p) => `Partnerkommunen, durch Komma oder Semikolon getrennt, z. B. "Zschorlau, Bockau" (nur ${p.value ?? ""})`,
    en: (p) => `partner towns, separated by commas or semicolons, e.g. "Zschorlau, Bockau" (${p.value ?? ""} only)`,
  },
  optionTownRows: {
    de: (p) => `vorbereitete Zeilen für Kommunen, mindestens ${p.value ?? ""} (Vorgabe; nur kostenverteilung)`,
    en: (p) => `prepared rows for towns, at least ${p.value ?? ""} (the default; kostenverteilung only)`,
  },
  optionItemRows: {
    de: (p) => `vorbereitete Zeilen für Kostenpositionen, mindestens ${p.value ?? ""} (Vorgabe; nur kostenverteilung)`,
    en: (p) => `prepared rows for cost items, at least ${p.value ?? ""} (the default; kostenverteilung only)`,
  },
  rowsInvalid: {
    de: (p) => `${p.file ?? ""} erwartet eine ganze Zahl von ${p.other ?? ""}, gefunden: „${p.value ?? ""}“.`,
    en: (p) => `${p.file ?? ""} expects a whole number from ${p.other ?? ""}, found: “${p.value ?? ""}”.`,
  },
  rowsTooMany: {
    de: (p) =>
      `So viele Zeilen ergäben ${p.value ?? ""} Zeilen im Blatt „Verteilung“ (höchstens ${p.other ?? ""}): bitte weniger Kommunen- oder Positionszeilen wählen.`,
    en: (p) =>
      `That many rows would give ${p.value ?? ""} rows on the sheet “Allocation” (at most ${p.other ?? ""}): please choose fewer town or item rows.`,
  },
  optionDemo: {
    de: () => "mit erfundenen Beispieldaten füllen (zum Ausprobieren)",
    en: () => "fill with invented example data (to try it out)",
  },
  optionStarter: {
    de: (p) =>
      `mit Startthemen aus dem Leitfaden füllen, noch ohne Bewertung (nur ${p.value ?? ""}; mit --demo ohne Wirkung)`,
    en: (p) =>
      `fill with starter themes from the guideline, not yet rated (${p.value ?? ""} only; no effect with --demo)`,
  },
  optionProducts: {
    de: () => "eigene Produktliste (CSV oder .xlsx aus der Haushaltssoftware) statt des Produktrahmens",
    en: () => "own product list (CSV or .xlsx from the budget software) instead of the framework",
  },
  optionSelection: {
    de: () =>
      "welche Produkte des Produktrahmens vorausgefüllt werden: gemeinde = die üblichen einer kreisangehörigen Gemeinde (Standard), alle = alle, auch die des Landkreises",
    en: () =>
      "which framework products pre-fill the rows: municipality = the usual ones of a municipality within a county (default), all = all, county tasks too",
  },
  optionStrict: {
    de: () => "auch Warnungen als Befund werten (Exit-Code 1)",
    en: () => "count warnings as findings too (exit code 1)",
  },
  optionOutDir: { de: () => "Zielordner", en: () => "output folder" },
  commandTemplate: { de: () => "Vorlage als .xlsx erzeugen", en: () => "generate a template as .xlsx" },
  commandDescribe: { de: () => "Aufbau einer Vorlage beschreiben", en: () => "describe a template's layout" },
  commandValidate: {
    de: () => "ausgefüllte Arbeitsmappen prüfen (Exit 0 gültig, 1 Befunde, 2 unbrauchbar)",
    en: () => "validate filled workbooks (exit 0 valid, 1 findings, 2 unusable)",
  },
  commandPriorities: {
    de: () => "Punkte, Rang und Klasse je Aufgabe berechnen",
    en: () => "compute score, rank and class per task",
  },
  commandRoadmap: {
    de: () => "gemeinsamen IKZ-Fahrplan aus mehreren Kommunen erstellen",
    en: () => "build the joint IKZ roadmap from several towns",
  },
  commandAllocate: {
    de: () => "Kosten cent-genau auf die Kommunen verteilen (Kostenverteilung)",
    en: () => "split costs among the towns to the cent (cost model)",
  },
  commandDemo: {
    de: () => "Vorlagen und Beispielkommunen erzeugen, prüfen und einen Beispiel-Fahrplan berechnen",
    en: () => "generate templates and example towns, validate them and compute an example roadmap",
  },
  commandUpgrade: {
    de: () =>
      "Arbeitsmappe einer älteren Vorlagenversion auf die aktuelle bringen, alle Eingaben behalten (Exit 0 fertig oder schon aktuell, 1 bitte prüfen, 2 unbrauchbar)",
    en: () =>
      "bring a workbook of an older template version up to the current one, keeping every entry (exit 0 done or already current, 1 please check, 2 unusable)",
  },
  optionUpgradeOut: {
    de: () => "Zieldatei (.xlsx); ohne Angabe neben der Datei, mit der neuen Version im Namen",
    en: () => "output file (.xlsx); by default next to the file, with the new version in its name",
  },
  upgradeCurrent: {
    de: (p) => `${p.file ?? ""}: schon aktuell (Vorlage ${p.value ?? ""}); nichts zu tun.`,
    en: (p) => `${p.file ?? ""}: already current (template ${p.value ?? ""}); nothing to do.`,
  },
  upgradeHeader: {
    de: (p) => `${p.file ?? ""}: Vorlage ${p.value ?? ""} → ${p.other ?? ""}`,
    en: (p) => `${p.file ?? ""}: template ${p.value ?? ""} → ${p.other ?? ""}`,
  },
  upgradeCheck: { de: () => "Bitte prüfen:", en: () => "Please check:" },
  upgradeSummary: {
    de: (p) =>
      `${p.file ?? ""}: ${countNoun(p.count, "Wert", "Werte", "de")} übernommen, ${countNoun(p.toCheck, "Stelle", "Stellen", "de")} bitte prüfen.`,
    en: (p) =>
      `${p.file ?? ""}: ${countNoun(p.count, "value", "values", "en")} taken over, ${countNoun(p.toCheck, "place", "places", "en")} to check.`,
  },
  upgradeInvalid: {
    de: (p) =>
      `${p.file ?? ""}: Die aktualisierte Arbeitsmappe hat ${countNoun(p.count, "Fehler", "Fehler", "de")} (siehe oben, wie \`ikz validate\` sie meldet). Bitte beheben, bevor mit ihr gerechnet wird.`,
    en: (p) =>
      `${p.file ?? ""}: The upgraded workbook has ${countNoun(p.count, "error", "errors", "en")} (see above, as \`ikz validate\` reports them). Please fix ${p.count === 1 ? "it" : "them"} before computing with the workbook.`,
  },
  upgradeVersionUnknown: {
    de: (p) =>
      `${p.file ?? ""}: Die Vorlagenversion ist unbekannt (das versteckte Blatt „_ikz“ fehlt); ohne sie lässt sich nicht sicher aktualisieren.`,
    en: (p) =>
      `${p.file ?? ""}: The template version is unknown (the hidden sheet “_ikz” is missing); without it the workbook cannot be upgraded safely.`,
  },
  argTemplate: { de: (p) => `Vorlage (${p.value ?? ""})`, en: (p) => `template (${p.value ?? ""})` },
  argFiles: { de: () => "Arbeitsmappen (.xlsx)", en: () => "workbooks (.xlsx)" },
  argFile: { de: () => "Arbeitsmappe (.xlsx)", en: () => "workbook (.xlsx)" },
  wrote: { de: (p) => `geschrieben: ${p.file ?? ""}`, en: (p) => `wrote: ${p.file ?? ""}` },
  valid: { de: (p) => `${p.file ?? ""}: gültig`, en: (p) => `${p.file ?? ""}: valid` },
  summary: {
    de: (p) => `${p.file ?? ""}: ${countNoun(p.count, "Befund", "Befunde", "de")} (${p.value ?? ""})`,
    en: (p) => `${p.file ?? ""}: ${countNoun(p.count, "finding", "findings", "en")} (${p.value ?? ""})`,
  },
  /** The kinds of a summary's findings, those with none left out: „1 Fehler, 2 Warnungen“, „1 Warnung“. */
  counts: {
    de: (p) =>
      [
        p.errors ? countNoun(p.errors, "Fehler", "Fehler", "de") : "",
        p.warnings ? countNoun(p.warnings, "Warnung", "Warnungen", "de") : "",
      ]
        .filter(Boolean)
        .join(", ") || "keine Fehler oder Warnungen",
    en: (p) =>
      [
        p.errors ? countNoun(p.errors, "error", "errors", "en") : "",
        p.warnings ? countNoun(p.warnings, "warning", "warnings", "en") : "",
      ]
        .filter(Boolean)
        .join(", ") || "no errors or warnings",
  },
  fileExists: {
    de: (p) => `${p.file ?? ""}: Die Datei gibt es schon. Mit --force wird sie überschrieben.`,
    en: (p) => `${p.file ?? ""}: The file already exists. Use --force to overwrite it.`,
  },
  /** A write the file system refused; `other` is the error code (ENOENT, EACCES, …). Nothing was left behind. */
  writeFailed: {
    de: (p) =>
      `${p.file ?? ""}: Die Datei kann nicht geschrieben werden (${WRITE_FAILURES.de[p.other ?? ""] ?? p.other ?? "?"}). Es wurde nichts angelegt.`,
    en: (p) =>
      `${p.file ?? ""}: The file cannot be written (${WRITE_FAILURES.en[p.other ?? ""] ?? p.other ?? "?"}). Nothing was created.`,
  },
  unknownTemplate: {
    de: (p) => `Unbekannte Vorlage „${p.value ?? ""}“. Verfügbar: ${p.other ?? ""}.`,
    en: (p) => `Unknown template “${p.value ?? ""}”. Available: ${p.other ?? ""}.`,
  },
  townsEmpty: {
    de: () =>
      `--towns: Es ist keine Kommune angegeben. Bitte die Namen durch Komma getrennt angeben, z. B. --towns "Zschorlau, Bockau".`,
    en: () => `--towns: No town is given. Please list the names separated by commas, e.g. --towns "Zschorlau, Bockau".`,
  },
  townsDuplicate: {
    de: (p) =>
      `--towns: Die Kommune „${p.value ?? ""}“ ist doppelt angegeben (schon als „${p.other ?? ""}“). Groß-/Kleinschreibung und Leerzeichen zählen dabei nicht.`,
    en: (p) =>
      `--towns: The town “${p.value ?? ""}” is given twice (already as “${p.other ?? ""}”). Case and spaces do not count.`,
  },
  townsNotTaken: {
    de: (p) => `--towns gilt nicht für die Vorlage „${p.value ?? ""}“, nur für: ${p.other ?? ""}.`,
    en: (p) => `--towns does not apply to the template “${p.value ?? ""}”, only to: ${p.other ?? ""}.`,
  },
  optionNotTaken: {
    de: (p) => `${p.file ?? ""} gilt nicht für die Vorlage „${p.value ?? ""}“, nur für: ${p.other ?? ""}.`,
    en: (p) => `${p.file ?? ""} does not apply to the template “${p.value ?? ""}”, only to: ${p.other ?? ""}.`,
  },
  notComputed: {
    de: (p) => `${p.file ?? ""}: Wegen der Fehler oben wird nichts berechnet. Bitte zuerst die Fehler beheben.`,
    en: (p) => `${p.file ?? ""}: Nothing is computed because of the errors above. Please fix them first.`,
  },
  productListProblems: {
    de: (p) => `${p.file ?? ""}: Die Produktliste ist nicht verwendbar.`,
    en: (p) => `${p.file ?? ""}: The product list cannot be used.`,
  },
  productListRead: {
    de: (p) => `${p.file ?? ""}: ${countNoun(p.count, "Produkt", "Produkte", "de")} übernommen`,
    en: (p) => `${p.file ?? ""}: ${countNoun(p.count, "product", "products", "en")} taken over`,
  },
  prioritiesHeader: {
    de: (p) =>
      `${p.value ?? ""}: ${countNoun(p.count, "Aufgabe", "Aufgaben", "de")} (Rang, Klasse, Punkte, Code, Bezeichnung)`,
    en: (p) => `${p.value ?? ""}: ${countNoun(p.count, "task", "tasks", "en")} (rank, class, score, code, name)`,
  },
  roadmapHeader: {
    de: (p) =>
      `IKZ-Fahrplan für ${p.value ?? ""}: ${countNoun(p.count, "gemeinsame Aufgabe", "gemeinsame Aufgaben", "de")}`,
    en: (p) => `IKZ roadmap for ${p.value ?? ""}: ${countNoun(p.count, "shared task", "shared tasks", "en")}`,
  },
  roadmapSkipped: {
    de: (p) => `${p.file ?? ""}: nicht in den Fahrplan übernommen (siehe Befunde).`,
    en: (p) => `${p.file ?? ""}: left out of the roadmap (see the findings).`,
  },
  roadmapFigures: {
    de: (p) =>
      `${countNoun(p.count, "Kommune", "Kommunen", "de")}, ${p.value ?? "0"}× Klasse A, Ø ${p.other ?? ""} Punkte`,
    en: (p) => `${countNoun(p.count, "town", "towns", "en")}, ${p.value ?? "0"}× class A, mean ${p.other ?? ""} points`,
  },
  commandAnalyse: {
    de: () =>
      "Arbeitsmappen einer Vorlage auswerten (PESTEL, IT-Servicekatalog, Arbeitsplatzprofil) – als JSON, Zusammenfassung und Arbeitsmappe",
    en: () =>
      "analyse workbooks of one template (PESTEL, IT service catalogue, workplace profile) — as JSON, summary and workbook",
  },
  analyseMixedTemplates: {
    de: (p) =>
      `Die Dateien gehören zu verschiedenen Vorlagen (${p.value ?? ""}). Bitte nur Dateien einer Vorlage zusammen auswerten.`,
    en: (p) =>
      `The files belong to different templates (${p.value ?? ""}). Please analyse files of one template together.`,
  },
  analyseNotOffered: {
    de: (p) => `Für die Vorlage „${p.value ?? ""}“ gibt es einen eigenen Befehl: ${p.other ?? ""}`,
    en: (p) => `Template “${p.value ?? ""}” has its own command: ${p.other ?? ""}`,
  },
  commandConsolidate: {
    de: () => "die Dateien mehrerer Kommunen (alle Vorlagen gemischt) zu einer Verbundmappe zusammenführen",
    en: () => "bring the files of several towns (any mix of templates) together in one partnership workbook",
  },
  consolidateProgress: {
    de: (p) => `[${p.count ?? 0}/${p.value ?? "?"}] ${p.file ?? ""} wird gelesen …`,
    en: (p) => `[${p.count ?? 0}/${p.value ?? "?"}] reading ${p.file ?? ""} …`,
  },
  consolidateLeftOut: {
    de: (p) => `${p.file ?? ""}: ausgelassen (${p.value ?? ""}); die anderen Dateien werden trotzdem zusammengeführt.`,
    en: (p) => `${p.file ?? ""}: left out (${p.value ?? ""}); the other files are brought together anyway.`,
  },
  consolidateNothing: {
    de: () => "Keine Datei ist verwendbar – es wird nichts geschrieben.",
    en: () => "No file is usable — nothing is written.",
  },
  consolidateSimilarTowns: {
    de: (p) =>
      `Die Verbundmappe wird nicht geschrieben: ${p.count === 1 ? "1 Paar von Kommunennamen steht vermutlich für dieselbe Kommune" : `${countNoun(p.count, "Paar", "Paare", "de")} von Kommunennamen stehen vermutlich jeweils für dieselbe Kommune`}, und das Kostenmodell würde sie doppelt belasten. Bitte die Schreibweise in den Dateien angleichen – oder, wenn es verschiedene Kommunen sind, erneut mit --allow-similar-towns aufrufen.`,
    en: (p) =>
      `The partnership workbook is not written: ${p.count === 1 ? "1 pair of town names probably stands for the same town" : `${countNoun(p.count, "pair", "pairs", "en")} of town names probably stand for the same town each`}, and the cost model would charge ${p.count === 1 ? "it" : "each"} twice. Please make the spellings in the files the same — or, if they are different towns, run again with --allow-similar-towns.`,
  },
  optionAllowSimilarTowns: {
    de: () =>
      "ähnliche Kommunennamen („Gemeinde Bockau“/„Bockau“, ein Buchstabe Unterschied) als verschiedene Kommunen übernehmen; ohne diese Angabe wird dann nichts geschrieben (Exit 1)",
    en: () =>
      "take similar town names (“Gemeinde Bockau”/“Bockau”, one letter apart) as different towns; without it, nothing is written then (exit 1)",
  },
  consolidateDone: {
    de: (p) =>
      `Verbundmappe für ${countNoun(p.count, "Kommune", "Kommunen", "de")} (${p.value ?? ""}): ${p.other ?? ""}`,
    en: (p) =>
      `Partnership workbook for ${countNoun(p.count, "town", "towns", "en")} (${p.value ?? ""}): ${p.other ?? ""}`,
  },
  allocationTotals: { de: () => "Jahresanteil je Kommune", en: () => "Annual share per town" },
  allocationAdvances: {
    de: () => "Abschläge je Quartal (Q1 / Q2 / Q3 / Q4)",
    en: () => "Advance payments per quarter (Q1 / Q2 / Q3 / Q4)",
  },
  allocationTrueUp: {
    de: () => "Spitzabrechnung (Ist − Plan): + Nachzahlung, − Erstattung",
    en: () => "Year-end true-up (actual − plan): + back-payment, − refund",
  },
  demoDone: {
    de: (p) => `Fertig. Alle Dateien liegen in ${p.file ?? ""}. Öffnen Sie sie in Excel oder LibreOffice.`,
    en: (p) => `Done. All files are in ${p.file ?? ""}. Open them in Excel or LibreOffice.`,
  },
  badLanguage: {
    de: (p) => `Unbekannte Sprache „${p.value ?? ""}“; erlaubt: de, en.`,
    en: (p) => `Unknown language “${p.value ?? ""}”; allowed: de, en.`,
  },
} satisfies Record<string, Record<Language, Render>>;

export type CliTextKey = keyof typeof texts;

export function renderCliText(key: CliTextKey, language: Language, params: CliParams = {}): string {
  return texts[key][language](params);
}

/** All keys, for the test that renders every text in every language. */
export const CLI_TEXT_KEYS = Object.keys(texts) as CliTextKey[];
