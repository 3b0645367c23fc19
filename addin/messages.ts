/**
 * Every text of the task pane, German first. Findings about workbooks come from lib/messages
 * (rendered by the validator); this catalogue holds the pane's own words: labels, buttons,
 * states and summaries. The one exception is preflight.js, the ES5 script that tells
 * Internet Explorer users the pane cannot run there before any of this code loads.
 */
import { countNoun as counted } from "../lib/messages/plural.js";
import type { Language } from "../lib/spec/TemplateSpec.js";

export interface UiParams {
  readonly count?: number;
  readonly total?: number;
  readonly current?: number;
  readonly name?: string;
  readonly file?: string;
  readonly list?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly row?: number;
  readonly version?: string;
  readonly detail?: string;
  /** An amount as formatted for the reader, e.g. `1.234,56 €`. */
  readonly amount?: string;
  readonly sum?: string;
}

type Render = (p: UiParams) => string;

const texts = {
  appTitle: { de: () => "ikz-kit", en: () => "ikz-kit" },
  appSubtitle: {
    de: () => "Werkzeuge für die interkommunale Zusammenarbeit",
    en: () => "Tools for inter-municipal cooperation",
  },
  languageLabel: { de: () => "Sprache", en: () => "Language" },
  languageGerman: { de: () => "Deutsch", en: () => "Deutsch" },
  languageEnglish: { de: () => "English", en: () => "English" },
  sectionsLabel: { de: () => "Bereiche", en: () => "Sections" },
  tabTemplates: { de: () => "Vorlagen", en: () => "Templates" },
  tabCheck: { de: () => "Prüfen", en: () => "Check" },
  tabEvaluate: { de: () => "Auswerten", en: () => "Evaluate" },
  tabCostAllocation: { de: () => "Kostenverteilung", en: () => "Cost allocation" },

  // --- start-up and file mode ---------------------------------------------------------------
  connecting: { de: () => "Verbindung zu Excel wird hergestellt …", en: () => "Connecting to Excel …" },
  loadingPages: { de: () => "Vorlagen werden geladen …", en: () => "Loading the templates …" },
  connectingSlow: {
    de: () => "Excel antwortet noch nicht. Sie können weiter warten oder ohne Excel mit einer Datei arbeiten.",
    en: () => "Excel has not answered yet. You can keep waiting or work with a file without Excel.",
  },
  continueWithoutExcel: { de: () => "Ohne Excel fortfahren", en: () => "Continue without Excel" },
  fileModeTitle: { de: () => "Ohne Excel", en: () => "Without Excel" },
  fileModeNoOffice: {
    de: () =>
      "Office wurde nicht geladen. Der Aufgabenbereich arbeitet mit Dateien auf diesem Rechner; nichts wird hochgeladen.",
    en: () => "Office was not loaded. The pane works with files on this computer; nothing is uploaded.",
  },
  fileModeNoHost: {
    de: () =>
      "Die Seite ist in einem normalen Browser geöffnet. Der Aufgabenbereich arbeitet mit Dateien auf diesem Rechner; nichts wird hochgeladen.",
    en: () => "The page is open in a plain browser. The pane works with files on this computer; nothing is uploaded.",
  },
  fileModeOtherHost: {
    de: (p) =>
      `Der Aufgabenbereich ist für Excel gebaut, läuft aber in ${p.name ?? "?"}. Er arbeitet deshalb mit Dateien.`,
    en: (p) => `The pane is made for Excel but runs in ${p.name ?? "?"}. It therefore works with files.`,
  },
  fileModeExcelTooOld: {
    de: (p) =>
      `Diese Excel-Version ist für den Aufgabenbereich zu alt (nötig: ${p.name ?? "?"}, etwa Excel 2019 oder Microsoft 365). Er arbeitet deshalb mit Dateien: Vorlagen herunterladen, in Excel öffnen, hier prüfen.`,
    en: (p) =>
      `This version of Excel is too old for the pane (needed: ${p.name ?? "?"}, about Excel 2019 or Microsoft 365). It therefore works with files: download templates, open them in Excel, check them here.`,
  },
  fileModeExcelUnavailable: {
    de: () =>
      "Excel hat beim Start nicht geantwortet (Grund siehe oben). Bis dahin arbeitet der Aufgabenbereich mit Dateien. Sobald Excel bereit ist – etwa nach dem Verlassen einer Zelle oder dem Schließen eines Dialogs –, „Erneut mit Excel verbinden“ wählen.",
    en: () =>
      "Excel did not answer at start-up (reason above). Meanwhile the pane works with files. As soon as Excel is ready – e.g. after leaving a cell or closing a dialog – choose “Connect to Excel again”.",
  },
  retryExcel: { de: () => "Erneut mit Excel verbinden", en: () => "Connect to Excel again" },
  openWorkbookLabel: { de: () => "Arbeitsmappe öffnen (.xlsx)", en: () => "Open workbook (.xlsx)" },
  openWorkbookHint: {
    de: () => "Die Datei wird nur in diesem Browser gelesen; die Originaldatei bleibt unverändert.",
    en: () => "The file is read in this browser only; the original file stays unchanged.",
  },
  openingWorkbook: { de: (p) => `${p.file ?? ""} wird gelesen …`, en: (p) => `Reading ${p.file ?? ""} …` },
  openedWorkbook: { de: (p) => `Geöffnet: ${p.file ?? ""}`, en: (p) => `Open: ${p.file ?? ""}` },
  noWorkbookOpen: {
    de: () => "Noch keine Arbeitsmappe geöffnet. Öffnen Sie oben eine .xlsx-Datei.",
    en: () => "No workbook open yet. Open an .xlsx file above.",
  },
  prepareDownload: { de: () => "Geänderte Arbeitsmappe herunterladen", en: () => "Download the changed workbook" },
  preparingDownload: { de: () => "Datei wird geschrieben …", en: () => "Writing the file …" },
  downloadLink: { de: (p) => `${p.file ?? ""} herunterladen`, en: (p) => `Download ${p.file ?? ""}` },
  downloadNote: {
    de: () =>
      "Die Datei ist eine von ikz-kit neu geschriebene Kopie: Werte, Formeln, Formate und Gültigkeitsregeln bleiben erhalten; Diagramme, Pivot-Tabellen und Kommentare können fehlen.",
    en: () =>
      "The file is a copy written anew by ikz-kit: values, formulas, formats and validation rules are kept; charts, pivot tables and comments may be missing.",
  },

  // --- templates ----------------------------------------------------------------------------
  templatesHeading: { de: () => "Vorlage einfügen", en: () => "Insert a template" },
  templatesHeadingFile: { de: () => "Vorlage als Datei erstellen", en: () => "Create a template file" },
  templateLabel: { de: () => "Vorlage", en: () => "Template" },
  townLabel: { de: () => "Name der Kommune", en: () => "Name of the town" },
  townHint: {
    de: () => "Optional; steht dann auf dem Blatt „Kommune“ und im Dateinamen.",
    en: () => "Optional; then shown on the sheet “Town” and in the file name.",
  },
  workbookLanguageLabel: { de: () => "Sprache der Arbeitsmappe", en: () => "Language of the workbook" },
  productListLabel: {
    de: () => "Eigene Produktliste (CSV oder .xlsx, optional)",
    en: () => "Own product list (CSV or .xlsx, optional)",
  },
  productListHint: {
    de: () => "Ohne eigene Liste enthält die Vorlage die Produkte des Kommunalen Produktrahmens.",
    en: () => "Without an own list the template holds the products of the municipal product framework.",
  },
  productSelectionLabel: {
    de: () => "Vorausgefüllte Produkte",
    en: () => "Pre-filled products",
  },
  productSelectionMunicipality: {
    de: () => "Die üblichen einer kreisangehörigen Gemeinde",
    en: () => "The usual ones of a municipality within a county",
  },
  productSelectionAll: {
    de: () => "Alle des Produktrahmens, auch die des Landkreises",
    en: () => "All of the framework, county tasks too",
  },
  productSelectionHint: {
    de: () => "Das Blatt „Produktrahmen“ nennt bei jedem Produkt, wer es meist trägt: Gemeinde oder Landkreis.",
    en: () => "The sheet “Product framework” says for each product who usually carries it: municipality or county.",
  },
  productListReading: { de: (p) => `${p.file ?? ""} wird gelesen …`, en: (p) => `Reading ${p.file ?? ""} …` },
  productListRead: {
    de: (p) => `${counted(p.count, "Produkt", "Produkte", "de")} aus ${p.file ?? ""} übernommen.`,
    en: (p) => `${counted(p.count, "product", "products", "en")} taken from ${p.file ?? ""}.`,
  },
  productListUnusable: {
    de: (p) =>
      `Die Produktliste ${p.file ?? ""} kann nicht verwendet werden; die Vorlage enthält dann den Produktrahmen.`,
    en: (p) => `The product list ${p.file ?? ""} cannot be used; the template then holds the product framework.`,
  },
  productListIssues: {
    de: (p) => `Hinweise zur Produktliste (${p.count ?? 0})`,
    en: (p) => `Notes on the product list (${p.count ?? 0})`,
  },
  productListRemove: { de: () => "Produktliste entfernen", en: () => "Remove product list" },
  moreIssues: {
    de: (p) => `… und ${counted(p.count, "weiterer Eintrag", "weitere Einträge", "de")}`,
    en: (p) => `… and ${p.count ?? 0} more`,
  },
  demoLabel: {
    de: () => "Beispieldaten einfügen (erfundene Zahlen zur Veranschaulichung)",
    en: () => "Insert demo data (invented figures for illustration)",
  },
  starterLabel: {
    de: () => "Startthemen aus dem Leitfaden einfügen (noch ohne Bewertung)",
    en: () => "Insert starter themes from the guideline (not yet rated)",
  },
  insertButton: { de: () => "Einfügen", en: () => "Insert" },
  createFileButton: { de: () => "Arbeitsmappe erstellen", en: () => "Create workbook" },
  createFileHint: {
    de: () => "Ohne Excel entsteht eine neue Datei zum Herunterladen.",
    en: () => "Without Excel a new file is made for download.",
  },
  inserting: { de: () => "Blätter werden eingefügt …", en: () => "Inserting sheets …" },
  creatingFile: { de: () => "Arbeitsmappe wird erstellt …", en: () => "Creating the workbook …" },
  inserted: { de: (p) => `Eingefügt: ${p.list ?? ""}.`, en: (p) => `Inserted: ${p.list ?? ""}.` },
  fileCreated: {
    de: (p) => `Die Arbeitsmappe ${p.file ?? ""} ist fertig.`,
    en: (p) => `The workbook ${p.file ?? ""} is ready.`,
  },
  cancelled: { de: () => "Abgebrochen: Es wurde nichts geändert.", en: () => "Cancelled: nothing was changed." },

  // --- replace dialog -----------------------------------------------------------------------
  replaceTitle: { de: () => "Blätter ersetzen?", en: () => "Replace sheets?" },
  replaceIntro: {
    de: () =>
      "Diese Blätter gibt es schon. Beim Ersetzen werden sie gelöscht und neu angelegt – was darin steht, geht verloren:",
    en: () => "These sheets exist already. Replacing deletes and recreates them – whatever they hold is lost:",
  },
  replaceHasData: { de: () => "enthält Daten", en: () => "holds data" },
  replaceEmpty: { de: () => "leer", en: () => "empty" },
  replaceConfirm: { de: () => "Ersetzen", en: () => "Replace" },
  replaceReferencesIntro: {
    de: () =>
      "Andere Blätter rechnen mit diesen Blättern. Nach dem Ersetzen zeigen ihre Formeln #BEZUG! (Excel kann sie nicht auf die neuen Blätter umstellen) – dort die Bezüge neu setzen:",
    en: () =>
      "Other sheets compute with these sheets. After replacing, their formulas show #REF! (Excel cannot point them at the new sheets) – set those references again:",
  },
  replaceReferringSheet: {
    de: (p) => `${counted(p.count, "Zelle", "Zellen", "de")}, zuerst ${p.cell ?? ""}, mit Bezug auf ${p.list ?? ""}`,
    en: (p) => `${counted(p.count, "cell", "cells", "en")}, first ${p.cell ?? ""}, referring to ${p.list ?? ""}`,
  },
  replaceUnchecked: {
    de: (p) => `Zu groß zum Durchsuchen, bitte selbst prüfen: ${p.list ?? ""}`,
    en: (p) => `Too large to search, please check yourself: ${p.list ?? ""}`,
  },
  cancel: { de: () => "Abbrechen", en: () => "Cancel" },

  // --- check --------------------------------------------------------------------------------
  checkHeading: { de: () => "Arbeitsmappe prüfen", en: () => "Check the workbook" },
  checkIntro: {
    de: () => "Prüft jede Eingabe und nennt zu jedem Problem Blatt, Zelle, Erwartetes und Gefundenes.",
    en: () => "Checks every entry and names sheet, cell, what is expected and what was found for each problem.",
  },
  checkButton: { de: () => "Arbeitsmappe prüfen", en: () => "Check workbook" },
  checking: { de: () => "Arbeitsmappe wird gelesen und geprüft …", en: () => "Reading and checking the workbook …" },
  checkResultHeading: { de: () => "Ergebnis der Prüfung", en: () => "Result of the check" },
  checkTemplate: {
    de: (p) => `Vorlage: ${p.name ?? ""}${p.version ? ` (Version ${p.version})` : ""}`,
    en: (p) => `Template: ${p.name ?? ""}${p.version ? ` (version ${p.version})` : ""}`,
  },
  checkNoIssues: { de: () => "Keine Probleme gefunden.", en: () => "No problems found." },
  checkUnusable: {
    de: () => "Die Arbeitsmappe kann nicht geprüft werden.",
    en: () => "The workbook cannot be checked.",
  },
  countErrors: {
    de: (p) => counted(p.count, "Fehler", "Fehler", "de"),
    en: (p) => counted(p.count, "error", "errors", "en"),
  },
  countWarnings: {
    de: (p) => counted(p.count, "Warnung", "Warnungen", "de"),
    en: (p) => counted(p.count, "warning", "warnings", "en"),
  },
  countNotes: {
    de: (p) => counted(p.count, "Hinweis", "Hinweise", "de"),
    en: (p) => counted(p.count, "note", "notes", "en"),
  },
  workbookGroup: { de: () => "Arbeitsmappe", en: () => "Workbook" },
  sheetGroup: { de: (p) => `Blatt „${p.sheet ?? ""}“`, en: (p) => `Sheet “${p.sheet ?? ""}”` },
  issueCell: { de: (p) => `Zelle ${p.cell ?? ""}`, en: (p) => `cell ${p.cell ?? ""}` },
  issueSelected: { de: () => "ausgewählt", en: () => "selected" },
  issueShowHint: {
    de: () => "Ein Klick auf ein Problem wählt seine Zelle in Excel aus.",
    en: () => "Clicking a problem selects its cell in Excel.",
  },
  issueShowHintFile: {
    de: () => "Ein Klick auf ein Problem zeigt die Zeile der Zelle (nur lesend).",
    en: () => "Clicking a problem shows the cell's row (read-only).",
  },
  markSwitch: { de: () => "Fehlerhafte Zellen markieren", en: () => "Mark cells with problems" },
  markedCells: {
    de: (p) =>
      `${counted(p.count, "Zelle", "Zellen", "de")} markiert. Ausschalten stellt das vorige Aussehen wieder her.`,
    en: (p) => `${counted(p.count, "cell", "cells", "en")} marked. Switching off restores their previous look.`,
  },
  marksCleared: { de: () => "Markierungen entfernt.", en: () => "Marks removed." },
  previewHeading: {
    de: (p) => `Zeile ${p.row ?? ""} auf Blatt „${p.sheet ?? ""}“`,
    en: (p) => `Row ${p.row ?? ""} on sheet “${p.sheet ?? ""}”`,
  },
  previewEmpty: { de: () => "Die Zeile ist leer.", en: () => "The row is empty." },
  previewFormula: { de: () => "(Formel, Ergebnis erst in Excel)", en: () => "(formula, result only in Excel)" },
  previewFlagged: { de: () => "diese Zelle", en: () => "this cell" },

  // --- evaluate -----------------------------------------------------------------------------
  prioritiesHeading: { de: () => "Prioritäten", en: () => "Priorities" },
  prioritiesIntro: {
    de: () =>
      "Berechnet Punkte, Rang und Klasse jeder Aufgabe mit den Gewichten des Blatts „Kriterien“ – dieselben Werte wie die Formeln im Blatt.",
    en: () =>
      "Computes score, rank and class of every task with the weights of the sheet “Criteria” – the same values as the sheet's formulas.",
  },
  prioritiesButton: { de: () => "Prioritäten berechnen", en: () => "Compute priorities" },
  computingPriorities: { de: () => "Prioritäten werden berechnet …", en: () => "Computing priorities …" },
  notComputable: {
    de: (p) =>
      `Die Arbeitsmappe enthält ${counted(p.count, "Fehler", "Fehler", "de")}; gerechnet wird erst, wenn sie behoben sind.`,
    en: (p) =>
      `The workbook has ${counted(p.count, "error", "errors", "en")}; nothing is computed until they are fixed.`,
  },
  notATaskCatalogue: {
    de: () => "Die geöffnete Arbeitsmappe ist kein Aufgabenkatalog von ikz-kit.",
    en: () => "The open workbook is not an ikz-kit task catalogue.",
  },
  showProblems: { de: () => "Probleme anzeigen", en: () => "Show problems" },
  prioritiesCaption: {
    de: (p) =>
      `${p.count === 1 ? "Die wichtigste" : `Die ${p.count ?? 0} wichtigsten`} von ${counted(p.total, "Aufgabe", "Aufgaben", "de")} – ${p.name ?? ""}`,
    en: (p) => `The top ${p.count ?? 0} of ${counted(p.total, "task", "tasks", "en")} – ${p.name ?? ""}`,
  },
  prioritiesNone: {
    de: () => "Die Arbeitsmappe enthält noch keine Aufgabe mit Produktcode.",
    en: () => "The workbook holds no task with a product code yet.",
  },
  columnRank: { de: () => "Rang", en: () => "Rank" },
  columnClass: { de: () => "Klasse", en: () => "Class" },
  columnScore: { de: () => "Punkte", en: () => "Score" },
  columnCodeShort: { de: () => "Code", en: () => "Code" },
  partnersHeading: { de: () => "IKZ-Fahrplan mit Partnerkommunen", en: () => "IKZ roadmap with partner towns" },
  partnersIntro: {
    de: () =>
      "Liest die Aufgabenkataloge der Partnerkommunen, sucht die Aufgaben, die mehrere Kommunen erbringen, und schreibt den Fahrplan als neue Blätter in diese Arbeitsmappe.",
    en: () =>
      "Reads the partner towns' task catalogues, finds the tasks several towns provide and writes the roadmap as new sheets into this workbook.",
  },
  partnersFileLabel: {
    de: () => "Arbeitsmappen der Partnerkommunen (.xlsx, mehrere möglich)",
    en: () => "Partner towns' workbooks (.xlsx, several allowed)",
  },
  partnersSelected: {
    de: (p) => `${counted(p.count, "Datei", "Dateien", "de")} ausgewählt.`,
    en: (p) => `${counted(p.count, "file", "files", "en")} selected.`,
  },
  partnersButton: { de: () => "Partnerkommunen importieren", en: () => "Import partner towns" },
  partnersNoFiles: {
    de: () => "Bitte zuerst die Arbeitsmappen der Partnerkommunen auswählen.",
    en: () => "Please select the partner towns' workbooks first.",
  },
  importReadingOwn: { de: () => "Die geöffnete Arbeitsmappe wird gelesen …", en: () => "Reading the open workbook …" },
  importProgress: {
    de: (p) => `${p.file ?? ""} wird gelesen (${p.current ?? 0} von ${p.total ?? 0}) …`,
    en: (p) => `Reading ${p.file ?? ""} (${p.current ?? 0} of ${p.total ?? 0}) …`,
  },
  importWriting: { de: () => "Fahrplan wird eingefügt …", en: () => "Inserting the roadmap …" },
  partnerStatusHeading: { de: () => "Eingelesene Dateien", en: () => "Files read" },
  partnerAccepted: {
    de: (p) => `übernommen: ${p.name ?? ""}, ${counted(p.count, "Aufgabe", "Aufgaben", "de")}`,
    en: (p) => `taken: ${p.name ?? ""}, ${counted(p.count, "task", "tasks", "en")}`,
  },
  partnerInvalid: {
    de: (p) => `nicht übernommen: ${counted(p.count, "Fehler", "Fehler", "de")}`,
    en: (p) => `left out: ${counted(p.count, "error", "errors", "en")}`,
  },
  partnerUnreadable: { de: () => "nicht lesbar", en: () => "unreadable" },
  partnerDuplicate: { de: () => "nicht übernommen", en: () => "left out" },
  ownNotComputable: {
    de: (p) =>
      `Die geöffnete Arbeitsmappe enthält ${counted(p.count, "Fehler", "Fehler", "de")}; der Fahrplan braucht einen fehlerfreien eigenen Aufgabenkatalog.`,
    en: (p) =>
      `The open workbook has ${counted(p.count, "error", "errors", "en")}; the roadmap needs an own task catalogue without errors.`,
  },
  roadmapInserted: {
    de: (p) =>
      `Fahrplan eingefügt: ${counted(p.count, "gemeinsame Aufgabe", "gemeinsame Aufgaben", "de")} von ${p.list ?? ""}. ` +
      "Das Blatt „Entscheidungsvorlage“ zeigt die wichtigsten mit Federführung, Partnern und Maßnahme – zum Ausdrucken für die Sitzung.",
    en: (p) =>
      `Roadmap inserted: ${counted(p.count, "shared task", "shared tasks", "en")} of ${p.list ?? ""}. ` +
      "The sheet “Decision paper” shows the most important ones with lead town, partners and measure – ready to print for the meeting.",
  },

  // --- analysis of the open template and the partnership workbook ------------------------
  analysisHeading: { de: () => "Auswertung dieser Vorlage", en: () => "Analysis of this template" },
  analysisIntro: {
    de: () =>
      "Für PESTEL-Analyse, IT-Servicekatalog und Arbeitsplatzprofil: wertet die geöffnete Arbeitsmappe zusammen mit den Arbeitsmappen der Partnerkommunen derselben Vorlage aus. Partnerdateien sind freiwillig.",
    en: () =>
      "For the PESTEL analysis, the IT service catalogue and the workplace profile: analyses the open workbook together with the partner towns' workbooks of the same template. Partner files are optional.",
  },
  analysisFileLabel: {
    de: () => "Arbeitsmappen derselben Vorlage von Partnerkommunen (.xlsx, mehrere möglich, freiwillig)",
    en: () => "Partner towns' workbooks of the same template (.xlsx, several allowed, optional)",
  },
  analysisButton: { de: () => "Vorlage auswerten", en: () => "Analyse template" },
  analysisInsertNote: {
    de: () => "Die Auswertung wird als neue Blätter in die Arbeitsmappe eingefügt.",
    en: () => "The analysis is inserted into the workbook as new sheets.",
  },
  analysisDownloadNote: {
    de: () => "Die Auswertung wird als eigene Arbeitsmappe zum Herunterladen angeboten.",
    en: () => "The analysis is offered as a workbook of its own to download.",
  },
  analysisNotAnalysable: {
    de: () =>
      "Die geöffnete Arbeitsmappe ist keine PESTEL-Analyse, kein IT-Servicekatalog und kein Arbeitsplatzprofil von ikz-kit. Aufgabenkataloge werten die Abschnitte oben aus.",
    en: () =>
      "The open workbook is no ikz-kit PESTEL analysis, IT service catalogue or workplace profile. Task catalogues are evaluated by the sections above.",
  },
  analysisOwnInvalid: {
    de: (p) =>
      `Die geöffnete Arbeitsmappe enthält ${counted(p.count, "Fehler", "Fehler", "de")}; die Auswertung braucht eine fehlerfreie Arbeitsmappe.`,
    en: (p) =>
      `The open workbook has ${counted(p.count, "error", "errors", "en")}; the analysis needs a workbook without errors.`,
  },
  analysisSummaryHeading: {
    de: (p) => `Auswertung „${p.name ?? ""}“ von ${p.list ?? ""}`,
    en: (p) => `Analysis “${p.name ?? ""}” of ${p.list ?? ""}`,
  },
  analysisOwnFile: { de: () => "geöffnete Arbeitsmappe", en: () => "open workbook" },
  analysisTaken: { de: (p) => `übernommen: ${p.name ?? ""}`, en: (p) => `taken: ${p.name ?? ""}` },
  analysisOtherTemplate: {
    de: (p) => `nicht übernommen: ${p.name ? `andere Vorlage (${p.name})` : "keine Vorlage von ikz-kit"}`,
    en: (p) => `left out: ${p.name ? `another template (${p.name})` : "not an ikz-kit template"}`,
  },
  analysisWriting: { de: () => "Auswertung wird eingefügt …", en: () => "Inserting the analysis …" },
  analysisInserted: {
    de: (p) => `Auswertung eingefügt: ${p.list ?? ""}.`,
    en: (p) => `Analysis inserted: ${p.list ?? ""}.`,
  },
  partnershipHeading: { de: () => "Verbundmappe", en: () => "Partnership workbook" },
  partnershipIntro: {
    de: () =>
      "Fasst die Arbeitsmappen mehrerer Kommunen zu einer Verbundmappe zusammen – jede Vorlage von ikz-kit, gemischt: Übersicht, Auswertung je Vorlage und ein vorausgefülltes Kostenmodell. Die Verbundmappe wird als neue Datei zum Herunterladen angeboten, auch in Excel; die geöffnete Arbeitsmappe bleibt unverändert.",
    en: () =>
      "Combines several towns' workbooks into one partnership workbook — any ikz-kit template, mixed: an overview, an analysis per template and a pre-filled cost model. The partnership workbook is offered as a new file to download, in Excel too; the open workbook stays unchanged.",
  },
  partnershipFileLabel: {
    de: () => "Arbeitsmappen der Kommunen (.xlsx, mehrere)",
    en: () => "The towns' workbooks (.xlsx, several)",
  },
  partnershipButton: { de: () => "Verbundmappe erstellen", en: () => "Create partnership workbook" },
  partnershipNoFiles: {
    de: () => "Bitte zuerst die Arbeitsmappen der Kommunen auswählen.",
    en: () => "Please select the towns' workbooks first.",
  },
  partnershipProgress: {
    de: (p) => `Datei ${p.current ?? 0} von ${p.total ?? 0}: ${p.file ?? ""}`,
    en: (p) => `File ${p.current ?? 0} of ${p.total ?? 0}: ${p.file ?? ""}`,
  },
  partnershipWriting: { de: () => "Verbundmappe wird erstellt …", en: () => "Creating the partnership workbook …" },
  partnershipCaption: { de: () => "Eingelesene Dateien", en: () => "Files read" },
  columnFileTemplate: { de: () => "Datei / Vorlage", en: () => "File / template" },
  columnTown: { de: () => "Kommune", en: () => "Town" },
  columnStatus: { de: () => "Übernommen / Grund", en: () => "Taken / reason" },
  partnershipTaken: { de: () => "übernommen", en: () => "taken" },
  partnershipLeftOut: { de: () => "ausgelassen", en: () => "left out" },
  partnershipSimilarTowns: {
    de: () =>
      "Es wurde keine Verbundmappe erstellt: Diese Namen stehen vermutlich für dieselbe Kommune, und das Kostenmodell würde sie doppelt belasten. Bitte die Schreibweise in einer der Dateien angleichen – oder, wenn es verschiedene Kommunen sind, das unten bestätigen und erneut erstellen.",
    en: () =>
      "No partnership workbook was created: these names probably stand for the same town, and the cost model would charge it twice. Please make the spelling the same in one of the files — or, if they are different towns, confirm that below and create it again.",
  },
  partnershipAllowSimilar: {
    de: () => "Die ähnlichen Namen sind verschiedene Kommunen (jede bekommt eine eigene Zeile im Kostenmodell)",
    en: () => "The similar names are different towns (each gets a row of its own in the cost model)",
  },
  partnershipSimilarAllowed: {
    de: () => "Als verschiedene Kommunen übernommen (bestätigt):",
    en: () => "Taken as different towns (confirmed):",
  },
  partnershipSourcesDisagree: {
    de: () => "Die Dateien weichen voneinander ab (übernommen ist jeweils die Angabe der zuerst genannten Datei):",
    en: () => "The files disagree (each time the value of the file named first is taken):",
  },
  partnershipNothing: {
    de: () => "Keine der Dateien ist verwendbar: Es wurde keine Verbundmappe erstellt.",
    en: () => "None of the files can be used: no partnership workbook was created.",
  },
  partnershipReady: {
    de: (p) =>
      `Verbundmappe von ${p.list ?? ""} ist fertig (${counted(p.count, "Datei", "Dateien", "de")} übernommen).`,
    en: (p) =>
      `The partnership workbook of ${p.list ?? ""} is ready (${counted(p.count, "file", "files", "en")} taken).`,
  },

  // --- cost allocation ----------------------------------------------------------------------
  costIntro: {
    de: () =>
      "Partnerkommunen und Kostenpositionen eintragen: die Verteilung wird sofort centgenau berechnet. „In Arbeitsmappe einfügen“ schreibt sie mit Formeln in die Arbeitsmappe.",
    en: () =>
      "Enter the partner towns and the cost items: the allocation is computed at once, exact to the cent. “Insert into workbook” writes it with formulas into the workbook.",
  },
  costLoadDemo: { de: () => "Beispiel laden", en: () => "Load example" },
  costClearForm: { de: () => "Alle Eingaben leeren", en: () => "Clear all entries" },
  costDemoLoaded: {
    de: () => "Beispiel geladen: vier Erzgebirgsgemeinden mit erfundenen Zahlen, nur zur Veranschaulichung.",
    en: () => "Example loaded: four Erzgebirge towns with invented figures, for illustration only.",
  },
  costCleared: { de: () => "Alle Eingaben wurden geleert.", en: () => "All entries were cleared." },
  costUndo: { de: () => "Rückgängig", en: () => "Undo" },
  costTownsHeading: { de: () => "Partnerkommunen", en: () => "Partner towns" },
  costTownsEmpty: { de: () => "Noch keine Kommune eingetragen.", en: () => "No town entered yet." },
  costTownLegend: {
    de: (p) => `Kommune ${p.row ?? ""}${p.name ? `: ${p.name}` : ""}`,
    en: (p) => `Town ${p.row ?? ""}${p.name ? `: ${p.name}` : ""}`,
  },
  costTownName: { de: () => "Name", en: () => "Name" },
  costPopulation: { de: () => "Einwohner", en: () => "Population" },
  costCases: { de: () => "Fallzahlen", en: () => "Cases" },
  costWorkplaces: { de: () => "Arbeitsplätze", en: () => "Workplaces" },
  costFteShare: { de: () => "Stellenanteil (VZÄ)", en: () => "FTE share" },
  costFixedPercent: { de: () => "Festanteil (%)", en: () => "Fixed share (%)" },
  costIsHost: { de: () => "Sitzgemeinde", en: () => "Host town" },
  costAddTown: { de: () => "Kommune hinzufügen", en: () => "Add town" },
  costRemove: { de: () => "Entfernen", en: () => "Remove" },
  costRemoveTown: {
    de: (p) => `Kommune ${p.row ?? ""}${p.name ? ` „${p.name}“` : ""} entfernen`,
    en: (p) => `Remove town ${p.row ?? ""}${p.name ? ` “${p.name}”` : ""}`,
  },
  costItemsHeading: { de: () => "Kostenpositionen", en: () => "Cost items" },
  costItemsEmpty: { de: () => "Noch keine Kostenposition eingetragen.", en: () => "No cost item entered yet." },
  costItemLegend: {
    de: (p) => `Kostenposition ${p.row ?? ""}${p.name ? `: ${p.name}` : ""}`,
    en: (p) => `Cost item ${p.row ?? ""}${p.name ? `: ${p.name}` : ""}`,
  },
  costItemName: { de: () => "Bezeichnung", en: () => "Description" },
  costAmount: { de: () => "Jahresbetrag (€)", en: () => "Annual amount (€)" },
  costKey: { de: () => "Verteilungsschlüssel", en: () => "Allocation key" },
  costKeyEqual: { de: () => "Gleichverteilung", en: () => "Equal split" },
  costKeyPopulation: { de: () => "Einwohner", en: () => "Population" },
  costKeyCases: { de: () => "Fallzahlen", en: () => "Cases" },
  costKeyWorkplaces: { de: () => "Arbeitsplätze", en: () => "Workplaces" },
  costKeyFteShare: { de: () => "Stellenanteile", en: () => "FTE shares" },
  costKeyFixedPercent: { de: () => "Festanteil", en: () => "Fixed percentage" },
  costKeyMixed: { de: () => "Mischschlüssel", en: () => "Mixed key" },
  costKeyFlatFee: { de: () => "Pauschale je Fall", en: () => "Flat fee per case" },
  costWeightsLegend: {
    de: () => "Gewichte des Mischschlüssels in % (zusammen 100)",
    en: () => "Weights of the mixed key in % (together 100)",
  },
  costWeight: { de: (p) => `${p.name ?? ""} (%)`, en: (p) => `${p.name ?? ""} (%)` },
  costFee: { de: () => "Pauschale je Fall (€)", en: () => "Fee per case (€)" },
  costFeeHint: {
    de: () => "Betrag = Pauschale × Fallzahlen jeder Kommune.",
    en: () => "Amount = fee × each town's cases.",
  },
  costAddItem: { de: () => "Kostenposition hinzufügen", en: () => "Add cost item" },
  costRemoveItem: {
    de: (p) => `Kostenposition ${p.row ?? ""}${p.name ? ` „${p.name}“` : ""} entfernen`,
    en: (p) => `Remove cost item ${p.row ?? ""}${p.name ? ` “${p.name}”` : ""}`,
  },
  costOverheadHeading: { de: () => "Verwaltungskostenpauschale", en: () => "Administrative overhead" },
  costOverheadEnable: {
    de: () => "Pauschale auf die Summe aller Positionen aufschlagen",
    en: () => "Add an overhead on the sum of all items",
  },
  costOverheadPercent: { de: () => "Prozentsatz (%)", en: () => "Percentage (%)" },
  costOverheadKey: { de: () => "Verteilungsschlüssel der Pauschale", en: () => "Allocation key of the overhead" },

  costSettingsHeading: { de: () => "Gemeinsame Stelle und Haushaltsjahr", en: () => "Joint unit and budget year" },
  costUnitName: { de: () => "Gemeinsame Stelle", en: () => "Joint unit" },
  costUnitNameHint: {
    de: () => "Steht in Kopfzeile und Anlage, z. B. „Zentrale Vergabestelle“.",
    en: () => "Shown in the header and the annex, e.g. “Joint procurement office”.",
  },
  costYear: { de: () => "Haushaltsjahr", en: () => "Budget year" },
  costCalculationDate: { de: () => "Stand der Berechnung", en: () => "Calculation as of" },
  costCalculationDateHint: {
    de: () => "Datum, zu dem die Zahlen gelten (TT.MM.JJJJ); steht auf jeder Seite der Anlage.",
    en: () => "Date the figures hold for (DD/MM/YYYY); printed on every page of the annex.",
  },
  costDueDatesLegend: { de: () => "Fälligkeiten der Abschläge", en: () => "Due dates of the advances" },
  costDueDate: { de: (p) => `Fälligkeit ${p.row ?? ""}. Abschlag`, en: (p) => `Advance ${p.row ?? ""} due on` },
  costDueDateHint: {
    de: (p) => `Leer = ${p.detail ?? ""} des Haushaltsjahres.`,
    en: (p) => `Blank = ${p.detail ?? ""} of the budget year.`,
  },
  costDueOn: { de: (p) => `fällig ${p.detail ?? ""}`, en: (p) => `due ${p.detail ?? ""}` },
  costPopulationDate: { de: () => "Stichtag Einwohner", en: () => "Population as of" },
  costDateHint: { de: () => "TT.MM.JJJJ", en: () => "DD/MM/YYYY" },
  costActualLegend: {
    de: () => "Ist-Werte für die Spitzabrechnung (leer = wie geplant)",
    en: () => "Actual values for the true-up (blank = as planned)",
  },
  costActualHint: { de: () => "Leer = wie geplant.", en: () => "Blank = as planned." },
  costActualPopulation: { de: () => "Ist: Einwohner", en: () => "Actual: population" },
  costActualCases: { de: () => "Ist: Fallzahlen", en: () => "Actual: cases" },
  costActualWorkplaces: { de: () => "Ist: Arbeitsplätze", en: () => "Actual: workplaces" },
  costActualFteShare: { de: () => "Ist: VZÄ", en: () => "Actual: FTE" },
  costActualAmount: { de: () => "Ist: Jahresbetrag (€)", en: () => "Actual: amount (€)" },
  costOverheadName: { de: () => "Bezeichnung der Pauschale", en: () => "Name of the overhead" },
  costFindingsHeading: { de: () => "Prüfung der Eingaben", en: () => "Check of the entries" },
  costFindingsEmpty: {
    de: () => "Noch keine Eingaben: Kommunen und Kostenpositionen eintragen oder das Beispiel laden.",
    en: () => "Nothing entered yet: enter towns and cost items or load the example.",
  },
  costFindingsNone: { de: () => "Keine Probleme in den Eingaben.", en: () => "No problems in the entries." },
  costFindingHint: {
    de: () => "Ein Klick auf ein Problem setzt den Cursor in sein Feld.",
    en: () => "Clicking a problem puts the cursor into its field.",
  },
  costLocTown: { de: (p) => `Kommune ${p.row ?? ""}`, en: (p) => `Town ${p.row ?? ""}` },
  costLocItem: { de: (p) => `Kostenposition ${p.row ?? ""}`, en: (p) => `Cost item ${p.row ?? ""}` },
  costLocAllTowns: { de: () => "Alle Kommunen", en: () => "All towns" },
  costLocTowns: { de: () => "Partnerkommunen", en: () => "Partner towns" },
  costLocItems: { de: () => "Kostenpositionen", en: () => "Cost items" },
  costResultHeading: { de: () => "Verteilung", en: () => "Allocation" },
  costResultPending: {
    de: (p) =>
      `Die Verteilung erscheint, sobald die Eingaben keine Fehler mehr enthalten (noch ${counted(p.count, "Fehler", "Fehler", "de")}).`,
    en: (p) =>
      `The allocation appears once the entries have no errors (${counted(p.count, "error", "errors", "en")} left).`,
  },
  costResultNeedsRows: {
    de: () => "Die Verteilung erscheint, sobald mindestens eine Kommune und eine Kostenposition eingetragen sind.",
    en: () => "The allocation appears once at least one town and one cost item are entered.",
  },
  costTotalsCaption: { de: () => "Jahresanteil je Kommune", en: () => "Annual share per town" },
  costColumnTown: { de: () => "Kommune", en: () => "Town" },
  costColumnAnnual: { de: () => "Jahresanteil", en: () => "Annual share" },
  costColumnShare: { de: () => "Anteil", en: () => "Share" },
  costColumnItem: { de: () => "Kostenposition", en: () => "Cost item" },
  costColumnAmount: { de: () => "Betrag", en: () => "Amount" },
  costTotalRow: { de: () => "Summe", en: () => "Total" },
  costHostMark: { de: () => "Sitzgemeinde", en: () => "host town" },
  costMatrixCaption: { de: () => "Anteile je Kostenposition und Kommune", en: () => "Shares per cost item and town" },
  costOverheadRow: {
    de: (p) => `Verwaltungskostenpauschale (${p.detail ?? ""} %)`,
    en: (p) => `Administrative overhead (${p.detail ?? ""} %)`,
  },
  costAdvancesCaption: { de: () => "Abschläge je Quartal", en: () => "Quarterly advances" },
  costQuarter: { de: (p) => `Q${p.row ?? ""}`, en: (p) => `Q${p.row ?? ""}` },
  costScrollRegion: {
    de: (p) => `${p.name ?? ""} (seitlich scrollbar)`,
    en: (p) => `${p.name ?? ""} (scrolls sideways)`,
  },
  costCheckOk: {
    de: (p) =>
      `✓ Jede Position ist vollständig verteilt: bei ${p.count === 1 ? "der einen Position" : `allen ${p.count ?? 0} Positionen`} ergeben die Anteile genau den Betrag.`,
    en: (p) =>
      `✓ Every item sums to its amount: for ${p.count === 1 ? "the one item" : `all ${p.count ?? 0} items`} the shares add up to exactly the amount.`,
  },
  costCheckActualToo: {
    de: () => "Das gilt auch für die Neuberechnung mit den Ist-Werten.",
    en: () => "This holds for the recomputation with the actual values too.",
  },
  costCheckFailed: {
    de: (p) => `✗ Nicht vollständig verteilt: ${p.list ?? ""}`,
    en: (p) => `✗ Not every item sums to its amount: ${p.list ?? ""}`,
  },
  costCheckMismatch: {
    de: (p) => `${p.name ?? ""} (Summe der Anteile ${p.sum ?? ""}, Betrag ${p.amount ?? ""})`,
    en: (p) => `${p.name ?? ""} (sum of shares ${p.sum ?? ""}, amount ${p.amount ?? ""})`,
  },
  costCheckTotals: {
    de: () => "die Jahresanteile ergeben nicht die Gesamtsumme",
    en: () => "the annual shares do not add up to the total",
  },
  costCheckActualRow: { de: (p) => `${p.name ?? ""} (Ist)`, en: (p) => `${p.name ?? ""} (actual)` },
  costTrueUpCaption: {
    de: () => "Spitzabrechnung: Ist-Anteil gegen Abschläge",
    en: () => "Year-end true-up: actual share against advances",
  },
  costColumnPlan: { de: () => "Abschläge", en: () => "Advances" },
  costColumnActual: { de: () => "Ist-Anteil", en: () => "Actual share" },
  costColumnSettlement: { de: () => "Ausgleich", en: () => "Settlement" },
  costBackPayment: { de: (p) => `Nachzahlung ${p.amount ?? ""}`, en: (p) => `back-payment ${p.amount ?? ""}` },
  costRefund: { de: (p) => `Erstattung ${p.amount ?? ""}`, en: (p) => `refund ${p.amount ?? ""}` },
  costSettled: { de: () => "ausgeglichen", en: () => "settled" },
  costWorkbookHeading: { de: () => "Arbeitsmappe", en: () => "Workbook" },
  costRowsTowns: { de: () => "Vorbereitete Zeilen: Kommunen", en: () => "Prepared rows: towns" },
  costRowsItems: { de: () => "Vorbereitete Zeilen: Kostenpositionen", en: () => "Prepared rows: cost items" },
  costRowsHint: {
    de: () => "Die Mappe verteilt nur über vorbereitete Zeilen; für größere Verbünde erhöhen.",
    en: () => "The workbook splits over prepared rows only; raise it for larger partnerships.",
  },
  costRowsRange: {
    de: (p) => `Eine ganze Zahl von ${p.count ?? "?"} bis ${p.total ?? "?"}.`,
    en: (p) => `A whole number from ${p.count ?? "?"} to ${p.total ?? "?"}.`,
  },
  costRowsTooMany: {
    de: (p) =>
      `Zusammen ergäbe das ${counted(p.count, "Zeile", "Zeilen", "de")} im Rechenweg; höchstens ${p.total ?? "?"}.`,
    en: (p) => `Together that makes ${counted(p.count, "row", "rows", "en")} of working; at most ${p.total ?? "?"}.`,
  },
  costInsertButton: { de: () => "In Arbeitsmappe einfügen", en: () => "Insert into workbook" },
  costCreateFileButton: { de: () => "Als neue Arbeitsmappe erstellen", en: () => "Create as a new workbook" },
  costInsertHasErrors: {
    de: (p) =>
      `Die Eingaben enthalten ${counted(p.count, "Fehler", "Fehler", "de")}; bitte zuerst beheben (siehe „Prüfung der Eingaben“).`,
    en: (p) =>
      `The entries have ${counted(p.count, "error", "errors", "en")}; please fix them first (see “Check of the entries”).`,
  },
  costUnsupported: {
    de: (p) =>
      `Die Vorlage kann diese Eingaben noch nicht in eine Arbeitsmappe schreiben (Mischschlüssel und Pauschale je Fall folgen); die Verteilung auf dieser Seite gilt trotzdem. Technisch: ${p.detail ?? ""}`,
    en: (p) =>
      `The template cannot write these entries into a workbook yet (mixed keys and flat fees per case will follow); the allocation on this page is still valid. Technical: ${p.detail ?? ""}`,
  },
  costComputeButton: { de: () => "Aus Arbeitsmappe berechnen", en: () => "Compute from workbook" },
  costComputeIntro: {
    de: () =>
      "Liest Kommunen und Kostenpositionen aus der geöffneten Arbeitsmappe – auch nachdem sie dort geändert wurden – und zeigt die Verteilung.",
    en: () =>
      "Reads towns and cost items from the open workbook – also after they were changed there – and shows the allocation.",
  },
  costComputing: { de: () => "Arbeitsmappe wird gelesen …", en: () => "Reading the workbook …" },
  costNotCostAllocation: {
    de: () =>
      "Die geöffnete Arbeitsmappe ist keine Kostenverteilung von ikz-kit. Zuerst „In Arbeitsmappe einfügen“ wählen.",
    en: () => "The open workbook is not an ikz-kit cost allocation. Choose “Insert into workbook” first.",
  },
  costWorkbookEmpty: {
    de: () => "In der Arbeitsmappe sind noch keine Kommune oder keine Kostenposition eingetragen.",
    en: () => "The workbook holds no town or no cost item yet.",
  },
  costFromWorkbook: { de: () => "laut Arbeitsmappe", en: () => "according to the workbook" },
  costWorkbookResultHeading: {
    de: (p) => `Verteilung laut Arbeitsmappe ${p.file ?? ""}`,
    en: (p) => `Allocation according to the workbook ${p.file ?? ""}`,
  },

  // --- errors -------------------------------------------------------------------------------
  errorTitle: { de: () => "Das hat nicht geklappt", en: () => "That did not work" },
  sheetsExist: {
    de: (p) => `Diese Blätter gibt es schon: ${p.list ?? ""}. Es wurde nichts geändert.`,
    en: (p) => `These sheets exist already: ${p.list ?? ""}. Nothing was changed.`,
  },
  chunkLoadFailed: {
    de: () => "Ein Teil des Aufgabenbereichs konnte nicht geladen werden. Bitte den Aufgabenbereich neu laden.",
    en: () => "Part of the pane could not be loaded. Please reload the pane.",
  },
  unexpectedError: {
    de: (p) => `Unerwarteter Fehler: ${p.detail ?? ""}`,
    en: (p) => `Unexpected error: ${p.detail ?? ""}`,
  },
  supportDetailsLabel: { de: () => "Angaben für den Support", en: () => "Details for support" },
  copySupportDetails: { de: () => "Kopieren", en: () => "Copy" },
  supportDetailsCopied: { de: () => "Kopiert.", en: () => "Copied." },
  supportDetailsCopyFailed: {
    de: () => "Kopieren ging nicht – die Zeile ist markiert: bitte mit Strg+C (Mac: Cmd+C) kopieren.",
    en: () => "Copying did not work – the line is selected: please press Ctrl+C (Mac: Cmd+C).",
  },
} satisfies Record<string, Record<Language, Render>>;

export type UiTextKey = keyof typeof texts;

/** Renders a pane text in the given language. */
export function uiText(key: UiTextKey, language: Language, params: UiParams = {}): string {
  return texts[key][language](params);
}

/** All keys, for a test that every text renders in every language. */
export const UI_TEXT_KEYS = Object.keys(texts) as UiTextKey[];
