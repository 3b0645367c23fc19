/*
 * ikz-kit preflight — ES5 on purpose, loaded before office.js and the bundle.
 *
 * 1. `OsfOptOut`: when the page runs in a frame of a plain browser (an intranet portal, a test
 *    page), office.js would navigate it to about:blank; with this flag it reports "no host" and
 *    the pane works with files. Inside Office the flag changes nothing.
 * 2. Office 2016/2019 volume editions show add-ins in Internet Explorer 11 (Trident) and some
 *    in the old Edge (EdgeHTML). The bundle (ES2022, React 19, Fluent UI 9) cannot run there, so
 *    the page says so in plain HTML and marks <html data-ikz-unsupported> so the bundle stays
 *    quiet. These two texts live here, not in addin/messages.ts: this file cannot import it.
 */
(function () {
  window.OsfOptOut = true;

  var userAgent = navigator.userAgent || "";
  var trident = /\bTrident\/\d|\bMSIE \d/.test(userAgent);
  var edgeHtml = /\bEdge\/\d/.test(userAgent);
  // ES2022 library features as a stand-in for the syntax the bundle uses.
  var modern = typeof Array.prototype.at === "function" && typeof Object.hasOwn === "function";
  if (!trident && !edgeHtml && modern) return;

  document.documentElement.setAttribute("data-ikz-unsupported", trident ? "trident" : "outdated");

  var texts = [
    {
      lang: "de",
      heading: "Der Aufgabenbereich kann hier nicht laufen",
      body:
        "Diese Excel-Version zeigt Add-ins mit einem veralteten Browser an (Internet Explorer oder altes Edge). " +
        "Die Vorlagen funktionieren trotzdem: Erzeugen und prüfen Sie die Arbeitsmappen mit dem Kommandozeilenwerkzeug ikz " +
        "(siehe README), füllen Sie sie in Excel oder LibreOffice aus – alle Formeln rechnen im Blatt. " +
        "Oder öffnen Sie diese Seite in einem aktuellen Browser (Edge, Firefox, Chrome) und arbeiten Sie dort mit der Datei.",
    },
    {
      lang: "en",
      heading: "The task pane cannot run here",
      body:
        "This version of Excel shows add-ins in an outdated browser (Internet Explorer or old Edge). " +
        "The templates still work: create and check the workbooks with the ikz command-line tool (see the README) " +
        "and fill them in Excel or LibreOffice – every formula computes in the sheet. " +
        "Or open this page in a current browser (Edge, Firefox, Chrome) and work with the file there.",
    },
  ];

  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var container = document.createElement("main");
    container.className = "ikz-unsupported";
    for (var i = 0; i < texts.length; i++) {
      var section = document.createElement("section");
      section.setAttribute("lang", texts[i].lang);
      var heading = document.createElement(i === 0 ? "h1" : "h2");
      heading.appendChild(document.createTextNode(texts[i].heading));
      var body = document.createElement("p");
      body.appendChild(document.createTextNode(texts[i].body));
      section.appendChild(heading);
      section.appendChild(body);
      container.appendChild(section);
    }
    root.appendChild(container);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
