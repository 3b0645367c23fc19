/**
 * The release's own pages, in German: the handbook (Handbuch.html), the start page of the pane
 * from disk, and the one-page note for the town's IT. Plain HTML with its own styles: no
 * script, nothing fetched from elsewhere; pictures lie beside the handbook.
 */
import { PANE_PICTURES } from "./pictures.js";
import { PLACEHOLDER_SOURCE_URL } from "./paneBuild.js";

/** The pictures printed by LibreOffice (see printedPictures). */
export const PRINTED_PICTURES = {
  catalogue: "1-aufgabenkatalog-gedruckt.png",
  partnership: "3-verbundmappe-gedruckt.png",
  annex: "4-anlage-gedruckt.png",
} as const;

/** Folder of the handbook's pictures, beside Handbuch.html. */
export const PICTURE_DIR = "Handbuch-Bilder";

/** Where things lie in the release (relative paths inside the zip). */
export const LAYOUT = {
  handbook: "Handbuch.html",
  paneStart: "Aufgabenbereich.html",
  pane: "Aufgabenbereich",
  templates: "Vorlagen",
  examples: "Beispiele",
  it: "IT-Bereitstellung",
  itNote: "IT-Bereitstellung/Hinweise-fuer-die-IT.html",
  itServer: "IT-Bereitstellung/Server",
  itManifest: "IT-Bereitstellung/manifest.xml",
} as const;

/** Example workbook with two typing errors, written beside the demo files. */
export const BROKEN_EXAMPLE = "aufgabenkatalog-zschorlau-mit-fehlern.xlsx";

const STYLE = `
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; line-height: 1.5; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #0f6cbd; padding-bottom: .2rem; }
code, kbd { background: #f0f0f0; padding: 0 .25rem; border-radius: 3px; }
figure { margin: 1.2rem 0; } figure img { max-width: 100%; border: 1px solid #bbb; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
figcaption { font-size: .92rem; color: #444; margin-top: .3rem; }
figure.bereich { max-width: 29rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.hinweis { background: #eef5fc; border-left: 4px solid #0f6cbd; padding: .5rem .8rem; }
@media print { body { max-width: none; } h2 { break-before: page; } figure { break-inside: avoid; } }
`;

function page(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${STYLE}</style>${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** A picture beside the handbook; a click opens it in full size. `pane`: a narrow screenshot of the pane. */
function figure(file: string, alt: string, caption: string, kind: "printed" | "pane"): string {
  const src = `${PICTURE_DIR}/${file}`;
  return `<figure class="${kind === "pane" ? "bereich" : "gedruckt"}"><a href="${src}"><img src="${src}" alt="${alt}"></a><figcaption>${caption}</figcaption></figure>`;
}

/** The handbook: what is in the package, then the four steps, each with its pictures. */
export function handbookHtml(version: string, templateNames: readonly { id: string; name: string }[]): string {
  const templates = templateNames
    .map((t) => `<li><code>${LAYOUT.templates}/de/${t.id}.xlsx</code> – ${t.name}</li>`)
    .join("\n");
  return page(
    "ikz-kit – Handbuch",
    `<h1>ikz-kit – Handbuch</h1>
<p>Version ${version}. Arbeitsmappen für die interkommunale Zusammenarbeit (IKZ) kleiner Städte und Gemeinden:
ausfüllen, prüfen, zusammenführen, drucken – mit Excel oder LibreOffice und einem Browser. Nichts muss installiert
werden, nichts verlässt den Rechner.</p>

<h2 id="paket">Was im Paket ist</h2>
<table>
<tr><th>Ordner oder Datei</th><th>Wofür</th></tr>
<tr><td><code>${LAYOUT.templates}/de/</code></td><td>die leeren Vorlagen auf Deutsch (in <code>${LAYOUT.templates}/en/</code> dieselben auf Englisch):<ul>${templates}</ul></td></tr>
<tr><td><code>${LAYOUT.examples}/</code></td><td>ausgefüllte Beispiele von vier erfundenen Kommunen (Zschorlau, Schönheide, Stützengrün, Bockau; die Zahlen sind ausgedacht), ihre Auswertungen, der Fahrplan, ein Beispiel-Kostenmodell und die Verbundmappe <code>verbundmappe.xlsx</code> aus allen Dateien; dazu <code>${BROKEN_EXAMPLE}</code> mit zwei absichtlichen Tippfehlern zum Ausprobieren der Prüfung</td></tr>
<tr><td><code>${LAYOUT.paneStart}</code></td><td>öffnet den Aufgabenbereich im Browser (er liegt in <code>${LAYOUT.pane}/</code>): prüfen, auswerten, Verbundmappe, Kostenverteilung</td></tr>
<tr><td><code>${LAYOUT.it}/</code></td><td>für die IT: den Aufgabenbereich als Add-in in Excel bereitstellen (siehe <code>Hinweise-fuer-die-IT.html</code>)</td></tr>
</table>
<p class="hinweis">Die Vorlagen rechnen mit Formeln direkt im Blatt – in Excel 2016 und neuer, Excel im Web und LibreOffice 7.4 und neuer, ohne Makros.
Der Aufgabenbereich braucht nur einen aktuellen Browser; geprüft wird er bei jeder Version in Chromium, auf dem Edge und Chrome beruhen.</p>

<section id="schritt-1" class="schritt">
<h2>Schritt 1: Eine Vorlage ausfüllen</h2>
<ol>
<li>Die passende Vorlage aus <code>${LAYOUT.templates}/de/</code> an einen eigenen Ort kopieren und umbenennen, etwa <code>aufgabenkatalog-musterstadt.xlsx</code>.</li>
<li>Mit Excel oder LibreOffice öffnen. Jedes Blatt sagt oben, was einzutragen ist; Eingabefelder und berechnete Spalten sind farblich und mit Worten unterschieden.</li>
<li>Eingaben machen. Berechnete Spalten (beim Aufgabenkatalog Punkte, Rang und Klasse) füllen sich selbst – nicht überschreiben.</li>
<li>Speichern, als .xlsx.</li>
</ol>
<p>Wer den Namen der Kommune und die eigene Produktliste gleich eingetragen haben möchte, erstellt die Vorlage im Aufgabenbereich unter „Vorlagen“ und lädt sie herunter.</p>
${figure(PRINTED_PICTURES.catalogue, "Gedruckte Seite eines ausgefüllten Aufgabenkatalogs mit Produkten, Bewertungen, Punkten, Rang und Klasse", "So sieht ein ausgefüllter Aufgabenkatalog gedruckt aus (Beispiel Zschorlau, in LibreOffice gedruckt).", "printed")}
${figure(PANE_PICTURES.templates, "Aufgabenbereich, Seite Vorlagen: Vorlage wählen, Kommune eintragen, Arbeitsmappe erstellen", "Im Aufgabenbereich: eine Vorlage mit dem Namen der eigenen Kommune erstellen.", "pane")}
</section>

<section id="schritt-2" class="schritt">
<h2>Schritt 2: Die Mappe prüfen</h2>
<ol>
<li><code>${LAYOUT.paneStart}</code> mit einem Doppelklick im Browser öffnen (oder <code>${LAYOUT.pane}/taskpane.html</code>). Der Bereich meldet „Ohne Excel“: er arbeitet mit Dateien auf diesem Rechner.</li>
<li>„Arbeitsmappe öffnen (.xlsx)“ wählen und die ausgefüllte Datei angeben. Sie wird nur im Browser gelesen, nichts wird hochgeladen; die Datei selbst bleibt unverändert.</li>
<li>Auf der Seite „Prüfen“ die Schaltfläche „Arbeitsmappe prüfen“ wählen. Jeder Befund nennt Blatt und Zelle, was erwartet wurde und was dort steht.</li>
<li>Die Fehler in Excel oder LibreOffice berichtigen, speichern, erneut prüfen – bis keine Fehler mehr gemeldet werden.</li>
</ol>
<p>Zum Ausprobieren: <code>${LAYOUT.examples}/${BROKEN_EXAMPLE}</code> enthält zwei Tippfehler.</p>
${figure(PANE_PICTURES.check, "Aufgabenbereich, Seite Prüfen: Befunde nach Blatt gruppiert, jeder mit Zelle, Erwartetem und Gefundenem", "Die Prüfung findet die Tippfehler und nennt für jeden Blatt und Zelle.", "pane")}
</section>

<section id="schritt-3" class="schritt">
<h2>Schritt 3: Die Dateien der Kommunen zusammenführen (Verbundmappe)</h2>
<ol>
<li>Jede Kommune füllt ihre eigene Mappe aus, prüft sie (Schritt 2) und schickt sie der Kommune, die den Verbund koordiniert – per E-Mail oder über ein gemeinsames Laufwerk.</li>
<li>Dort im Aufgabenbereich die Seite „Auswerten“ öffnen, im Abschnitt „Verbundmappe“ alle Dateien auf einmal auswählen (verschiedene Vorlagen dürfen gemischt sein) und „Verbundmappe erstellen“ wählen.</li>
<li>Die Liste zeigt für jede Datei, was übernommen wurde; eine unlesbare Datei wird mit Grund ausgelassen. <code>verbundmappe.xlsx</code> herunterladen.</li>
<li>Die Verbundmappe enthält die Übersicht der Dateien, den gemeinsamen Fahrplan, die Auswertungen nebeneinander und ein Kostenmodell mit allen Kommunen. Sie geht an alle Partner zurück.</li>
</ol>
${figure(PANE_PICTURES.partnership, "Aufgabenbereich, Abschnitt Verbundmappe: eingelesene Dateien mit Kommune und Vorlage, Link zum Herunterladen", "Die Dateien der vier Beispielkommunen, zusammengeführt.", "pane")}
${figure(PRINTED_PICTURES.partnership, "Gedruckte Übersichtsseite der Verbundmappe", "Die erste Seite der Verbundmappe, in LibreOffice gedruckt.", "printed")}
</section>

<section id="schritt-4" class="schritt">
<h2>Schritt 4: Die Anlage zur Zweckvereinbarung drucken</h2>
<ol>
<li>Die Vorlage <code>${LAYOUT.templates}/de/kostenverteilung.xlsx</code> öffnen (oder das Kostenmodell der Verbundmappe weiterführen): gemeinsame Stelle und Haushaltsjahr, die Kommunen mit ihren Schlüsselwerten und die Kostenpositionen mit ihrem Schlüssel eintragen.</li>
<li>Die Spalte „Probe“ und die Zeile oben auf dem Blatt „Ergebnis“ sagen, ob alles aufgeht; ein ✗ nennt den Grund.</li>
<li>Das Blatt „Ergebnis“ ist die Anlage: in Excel oder LibreOffice <kbd>Datei › Drucken</kbd> (oder als PDF exportieren).</li>
</ol>
<p>Der Aufgabenbereich rechnet dieselbe Verteilung auf der Seite „Kostenverteilung“ nach, auch aus der geöffneten Arbeitsmappe zurück.</p>
${figure(PRINTED_PICTURES.annex, "Gedruckte Anlage: Kostenpositionen je Kommune, Summen, Anteile und Abschläge", "Die Anlage des Beispiel-Kostenmodells, in LibreOffice gedruckt.", "printed")}
${figure(PANE_PICTURES.costs, "Aufgabenbereich, Seite Kostenverteilung mit dem Beispiel", "Die Kostenverteilung im Aufgabenbereich.", "pane")}
</section>

<h2 id="excel">In Excel selbst</h2>
<p>Mit Microsoft 365, Excel 2021 oder Excel im Web kann derselbe Aufgabenbereich als Add-in direkt in Excel laufen
(Start › IKZ-Werkzeuge): Vorlagen werden dann in die offene Mappe eingefügt, ein Klick auf einen Befund wählt die Zelle.
Das richtet die IT ein – mit dem Ordner <code>${LAYOUT.it}/</code>.</p>

<h2 id="daten">Daten und Datenschutz</h2>
<p>ikz-kit sendet nichts: keine Telemetrie, keine Verbindung nach außen. Der Aufgabenbereich liest Dateien nur im Browser;
was er erzeugt, bietet er zum Herunterladen an. Die Arbeitsmappen enthalten nur, was Sie eintragen.</p>
`,
  );
}

/** The start page beside the pane's folder: a double click opens the pane. */
export function paneStartHtml(): string {
  return page(
    "ikz-kit – Aufgabenbereich öffnen",
    `<p><a href="${LAYOUT.pane}/taskpane.html">Aufgabenbereich von ikz-kit öffnen</a></p>`,
    `\n<meta http-equiv="refresh" content="0; url=${LAYOUT.pane}/taskpane.html">`,
  );
}

/** One page for the town's IT: hosting the pane on an internal https server and handing out the manifest. */
export function hostingNoteHtml(version: string): string {
  return page(
    "ikz-kit – Hinweise für die IT",
    `<h1>ikz-kit ${version} – Hinweise für die IT</h1>
<p>Der Aufgabenbereich von ikz-kit kann als Excel-Add-in (Office-Web-Add-in, nur Aufgabenbereich, keine Makros) im eigenen Netz
bereitgestellt werden. Für die Arbeit ohne Excel-Add-in ist nichts einzurichten: <code>Aufgabenbereich.html</code> im Paket öffnet
ihn direkt aus dem Dateisystem.</p>

<h2>Inhalt dieses Ordners</h2>
<ul>
<li><code>Server/</code> – die statischen Dateien des Aufgabenbereichs (HTML, JavaScript, CSS, Symbole), dazu <code>office-js/</code>:
Microsofts office.js aus dem gepinnten npm-Paket <code>@microsoft/office-js</code>. Der Aufgabenbereich lädt nichts von Microsofts CDN.</li>
<li><code>manifest.xml</code> – das Add-in-Manifest (Excel, Aufgabenbereich, Schaltfläche „IKZ-Werkzeuge“ auf der Registerkarte Start).</li>
</ul>

<h2>1. Auf einen internen https-Server legen</h2>
<ul>
<li>Den Inhalt von <code>Server/</code> unverändert auf einen Webserver im eigenen Netz kopieren, z. B. unter <code>/ikz-kit/</code>.
Es sind nur statische Dateien: kein Programm auf dem Server, keine Datenbank, keine Anmeldung nötig.</li>
<li>Office lädt Add-ins nur über <strong>https</strong>; das Zertifikat muss auf den Arbeitsplätzen vertrauenswürdig sein.</li>
<li>Übliche Dateitypen: <code>.html</code> text/html, <code>.js</code> text/javascript, <code>.css</code> text/css, <code>.png</code> image/png.</li>
<li>Probe: <code>https://&lt;server&gt;/ikz-kit/taskpane.html</code> im Browser öffnen – der Bereich erscheint und meldet „Ohne Excel“.</li>
</ul>

<h2>2. Adresse ins Manifest schreiben</h2>
<p>In <code>manifest.xml</code> jede Stelle <code>${PLACEHOLDER_SOURCE_URL}</code> durch die tatsächliche Adresse ersetzen
(ohne Schrägstrich am Ende), z. B. mit „Suchen und Ersetzen“ in einem Texteditor. Die <code>&lt;Id&gt;</code> nicht ändern: Office erkennt das Add-in an ihr.</p>

<h2>3. Manifest verteilen</h2>
<ul>
<li><strong>Freigegebener Ordner (Windows):</strong> das Manifest in eine Netzwerkfreigabe legen und diese in Excel unter
Datei › Optionen › Trust Center › Einstellungen für das Trust Center › Vertrauenswürdige Add-In-Kataloge eintragen
(„Im Menü anzeigen“). Danach in Excel: Start › Add-ins › Freigegebener Ordner.</li>
<li><strong>Microsoft 365:</strong> über die zentrale Bereitstellung im Admin Center (integrierte Apps) an Benutzer oder Gruppen.</li>
<li><strong>Einzeln zum Testen:</strong> Excel im Web › Start › Add-ins › Eigenes Add-In hochladen › <code>manifest.xml</code>.</li>
</ul>
<p>Der Aufgabenbereich braucht Excel 2021 LTSC, Microsoft 365 oder Excel im Web (ExcelApi 1.7). Excel 2016/2019 als Volumenlizenz zeigt ihn nicht an;
dort funktionieren die Vorlagen als Dateien und der Aufgabenbereich im Browser.</p>

<h2>Datenschutz und Netz</h2>
<ul>
<li>Keine Telemetrie, keine Verbindung nach außen: die Seite erlaubt per Content-Security-Policy nur Inhalte der eigenen Adresse;
den Telemetrie-Rahmen, den office.js nachladen möchte, blockiert sie. Bei jeder Version wird im Browsertest geprüft, dass keine Anfrage den Rechner verlässt.</li>
<li>Arbeitsmappen werden im Browser bzw. in Excel verarbeitet; an den Server geht nichts zurück. Er liefert nur die Dateien aus.</li>
<li>Eine neue Version: den Inhalt von <code>Server/</code> ersetzen; das Manifest bleibt, solange sich seine Version nicht ändert.</li>
</ul>
`,
  );
}
