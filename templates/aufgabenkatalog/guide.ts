/** The „So geht’s“ sheet of the task catalogue: the template's own words (lib/plan/planGuideSheet.ts adds the rest). */
import type { GuideContent } from "../../lib/plan/planGuideSheet.js";

export const taskCatalogueGuide: GuideContent = {
  name: { de: "So geht’s (Aufgaben)", en: "How to (tasks)" },
  purpose: {
    de: "Diese Mappe erfasst die Aufgaben (Produkte) Ihrer Kommune, bewertet sie nach fünf Kriterien und reiht sie: Welche Aufgaben lohnen sich zuerst für die Zusammenarbeit mit Partnerkommunen?",
    en: "This workbook lists your town's tasks (products), rates them by five criteria and ranks them: which tasks are the first worth doing together with partner towns?",
  },
  fill: [
    {
      de: "Zuerst das Blatt „Kommune“: Name, Einwohner, Stichtag, Ansprechperson. Die Schwellen der Klassen A und B können bleiben, wie sie sind.",
      en: "First the sheet “Town”: name, population, reference date, contact. The thresholds of classes A and B can stay as they are.",
    },
    {
      de: "Dann „Aufgaben“: eine Zeile je Produkt, das die Kommune erbringt. Zeilen von Produkten, die sie nicht erbringt (oft Aufgaben des Landkreises), löschen. Zahlen (VZÄ, Fälle, Minuten, Kosten) und Bewertungen 0–3 eintragen; eine Zeile ohne Zahlen und Bewertungen bekommt keine Punkte.",
      en: "Then “Tasks”: one row per product the town provides. Delete the rows of products it does not provide (often the county's tasks). Enter figures (FTE, cases, minutes, cost) and ratings 0–3; a row without figures and ratings gets no score.",
    },
    {
      de: "Die Gewichte auf „Kriterien“ nur ändern, wenn die Partnerkommunen dieselben Gewichte nehmen – sonst sind die Punkte nicht vergleichbar.",
      en: "Change the weights on “Criteria” only if the partner towns take the same weights – otherwise the scores cannot be compared.",
    },
  ],
  computed: [
    {
      de: "Punkte: gewichtete Summe der Kriterien, 0–100. Gemessene Werte zählen im Verhältnis zum Höchstwert der Kommune, Bewertungen im Verhältnis zu 3. Rang 1 = meiste Punkte. Klasse A ab der Schwelle A, B ab der Schwelle B, sonst C.",
      en: "Score: weighted sum of the criteria, 0–100. Measured values count relative to the town's maximum, ratings relative to 3. Rank 1 = highest score. Class A from threshold A, B from threshold B, else C.",
    },
  ],
  check: [
    {
      de: "Zeile 3 der Blätter „Aufgaben“ und „Kriterien“ fasst die Prüfung zusammen („✓ Alle Prüfungen bestanden“ oder die Zahl der Zeilen mit „✗“).",
      en: "Row 3 of the sheets “Tasks” and “Criteria” sums up the checks (“✓ All checks passed” or the number of rows with “✗”).",
    },
    {
      de: "In der Spalte „Klasse“ steht statt A/B/C „✗“ und der Grund, wenn eine Zeile nicht gerechnet werden kann (Code fehlt, Bewertung nicht 0–3, Gewichte oder Schwellen unbrauchbar).",
      en: "Instead of A/B/C the column “Class” shows “✗” and the reason when a row cannot be computed (code missing, rating not 0–3, weights or thresholds unusable).",
    },
  ],
  share: [
    {
      de: "Alle Partnerkommunen nehmen dieselbe Vorlage (gleiche Version) mit demselben Produktrahmen. Aus den Dateien aller Kommunen berechnet ikz-kit den gemeinsamen IKZ-Fahrplan: Aufgaben, die mehreren Kommunen wichtig sind und in denen eine Kommune spezialisiert ist, stehen oben.",
      en: "All partner towns take the same template (same version) with the same product framework. From all towns' files ikz-kit computes the joint IKZ roadmap: tasks that matter to several towns and in which one town is specialised come first.",
    },
  ],
};
