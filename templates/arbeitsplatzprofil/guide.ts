/** The „So geht’s“ sheet of the workplace profile: the template's own words (lib/plan/planGuideSheet.ts adds the rest). */
import type { GuideContent } from "../../lib/plan/planGuideSheet.js";

export const workplaceProfileGuide: GuideContent = {
  name: { de: "So geht’s (Profil)", en: "How to (profile)" },
  purpose: {
    de: "Diese Mappe beschreibt den gemeinsamen Standard-Arbeitsplatz eines Verbunds: welche Anforderungen gelten, wie weit jede Kommune sie heute erfüllt und was ein gemeinsames Leistungsverzeichnis enthalten muss.",
    en: "This workbook describes a partnership's common standard workplace: which requirements apply, how far each town meets them today and what a joint specification must contain.",
  },
  fill: [
    {
      de: "„Angaben“: Verbundraum, Arbeitsgruppe, Stand und die Namen der Kommunen (Kommune 1 bis 8). Die Spalten auf „Anforderungen“ tragen diese Namen.",
      en: "“Settings”: partnership area, working group, date and the towns' names (town 1 to 8). The columns on “Requirements” carry these names.",
    },
    {
      de: "„Anforderungen“: eine Zeile je Anforderung mit Dimension und Verbindlichkeit (Muss, Soll, Kann). Je Kommune den Stand wählen: erfüllt, teilweise, nicht erfüllt; leer = noch nicht bewertet.",
      en: "“Requirements”: one row per requirement with its dimension and obligation (must, should, may). For each town choose its status: fulfilled, partly, not fulfilled; empty = not assessed yet.",
    },
    {
      de: "„Arbeitsplätze“: die Zahl der Arbeitsplätze je Rolle und Kommune.",
      en: "“Workplaces”: the number of workplaces per role and town.",
    },
  ],
  computed: [
    {
      de: "Gewicht: Muss 3, Soll 2, Kann 1. Der Erfüllungsgrad einer Kommune ist die gewichtete Summe ihrer Werte (erfüllt 1, teilweise 0,5). Eine Muss-Lücke ist eine Muss-Anforderung, die nicht erfüllt ist. Das Leistungsverzeichnis listet die Anforderungen nach Dimension.",
      en: "Weight: must 3, should 2, may 1. A town's degree of fulfilment is the weighted sum of its values (fulfilled 1, partly 0.5). A must gap is a must requirement not fulfilled. The specification lists the requirements by dimension.",
    },
  ],
  check: [
    {
      de: "Die „Auswertung“ nennt oben, ob alle Zeilen gerechnet werden können, und sonst mit „✗“ die Zeile und den Grund.",
      en: "The “Evaluation” says at the top whether all rows can be computed, and otherwise names the row and the reason with “✗”.",
    },
  ],
  share: [
    {
      de: "Entweder füllt die Arbeitsgruppe eine gemeinsame Datei mit allen Kommunen aus, oder jede Kommune füllt ihre eigene Kopie (nur Kommune 1 mit ihrem Namen). ikz-kit vergleicht die Kopien: wo die Kommunen auseinanderliegen und welche Muss-Lücken sie teilen.",
      en: "Either the working group fills one shared file with all towns, or each town fills its own copy (only town 1, under its name). ikz-kit compares the copies: where the towns differ and which must gaps they share.",
    },
  ],
};
