/*
 * ikz-kit preflight — ES5 on purpose, loaded before office.js and the bundle.
 *
 * 1. `OsfOptOut`: when the page runs in a frame of a plain browser (an intranet portal, a test
 *    page), office.js would navigate it to about:blank; with this flag it reports "no host" and
 *    the pane works with files. Inside Office the flag changes nothing.
 * 2. The promise (docs/decisions/0012): the bundle uses ES2021 syntax (webpack.config.js's
 *    SYNTAX_TARGET; the browser test parses every chunk at that level) and the ES2022
 *    library its code is typed against (Array.prototype.at, Object.hasOwn; WeakRef for Fluent's
 *    tabster). Browsers with those features parse ES2021: Safari/WebKit 15.4, Chrome/Edge 93,
 *    Firefox 92 and newer. Anything older gets a plain-HTML note naming the real reason, and
 *    <html data-ikz-unsupported="…"> so the bundle stays quiet:
 *      trident  — Office 2016/2019 volume editions show add-ins in Internet Explorer 11;
 *      edgehtml — some show them in the old Edge (EdgeHTML);
 *      webkit   — Office on a Mac (or iPad) uses the system's Safari/WebKit: older than 15.4;
 *      outdated — any other browser that is too old.
 * 3. A safety net: should one of the pane's own scripts still fail to parse (a SyntaxError
 *    before the pane has drawn anything), the same note appears instead of "loading …" forever.
 * These texts live here, not in addin/messages.ts: this file cannot import it.
 */
(function () {
  window.OsfOptOut = true;

  var userAgent = navigator.userAgent || "";
  var trident = /\bTrident\/\d|\bMSIE \d/.test(userAgent);
  var edgeHtml = /\bEdge\/\d/.test(userAgent);
  var appleWebKit =
    /\b(Macintosh|iPad|iPhone)\b/.test(userAgent) &&
    /\bAppleWebKit\//.test(userAgent) &&
    !/\b(Chrome|Chromium|CriOS|Edg|EdgiOS|Firefox|FxiOS|OPR)\//.test(userAgent);

  /** The library features the bundle relies on; every browser that has them parses ES2021. */
  function modern() {
    return (
      typeof Array.prototype.at === "function" &&
      typeof Object.hasOwn === "function" &&
      typeof window.WeakRef === "function"
    );
  }

  function reason() {
    if (trident) return "trident";
    if (edgeHtml) return "edgehtml";
    if (appleWebKit) return "webkit";
    return "outdated";
  }

  var why = {
    trident: {
      de: "Diese Excel-Version zeigt Add-ins mit Internet Explorer an; darin kann der Aufgabenbereich nicht laufen.",
      en: "This version of Excel shows add-ins in Internet Explorer; the task pane cannot run there.",
    },
    edgehtml: {
      de: "Diese Excel-Version zeigt Add-ins mit dem alten Edge (EdgeHTML) an; darin kann der Aufgabenbereich nicht laufen.",
      en: "This version of Excel shows add-ins in the old Edge (EdgeHTML); the task pane cannot run there.",
    },
    webkit: {
      de:
        "Ihr Mac (oder iPad) verwendet eine ältere Safari/WebKit-Version (vor 15.4); Excel zeigt Add-ins mit der Safari-Version des Systems an. " +
        "Abhilfe: macOS (bzw. iPadOS) und Safari aktualisieren – ab Safari 15.4 läuft der Aufgabenbereich.",
      en:
        "Your Mac (or iPad) uses an older Safari/WebKit version (before 15.4); Excel shows add-ins with the system's Safari. " +
        "Remedy: update macOS (or iPadOS) and Safari – the task pane runs from Safari 15.4 on.",
    },
    outdated: {
      de: "Dieser Browser ist für den Aufgabenbereich zu alt (nötig: Edge oder Chrome ab Version 93, Firefox ab 92, Safari ab 15.4).",
      en: "This browser is too old for the task pane (needed: Edge or Chrome 93, Firefox 92, Safari 15.4 or newer).",
    },
  };

  var common = {
    de: {
      lang: "de",
      heading: "Der Aufgabenbereich kann hier nicht laufen",
      rest:
        "Die Vorlagen funktionieren trotzdem: Erzeugen und prüfen Sie die Arbeitsmappen mit dem Kommandozeilenwerkzeug ikz " +
        "(siehe README), füllen Sie sie in Excel oder LibreOffice aus – alle Formeln rechnen im Blatt. " +
        "Oder öffnen Sie diese Seite in einem aktuellen Browser (Edge, Firefox, Chrome, Safari) und arbeiten Sie dort mit der Datei.",
    },
    en: {
      lang: "en",
      heading: "The task pane cannot run here",
      rest:
        "The templates still work: create and check the workbooks with the ikz command-line tool (see the README) " +
        "and fill them in Excel or LibreOffice – every formula computes in the sheet. " +
        "Or open this page in a current browser (Edge, Firefox, Chrome, Safari) and work with the file there.",
    },
  };

  var shown = false;

  function show(mark) {
    var root = document.getElementById("root");
    if (!root) return;
    shown = true;
    document.documentElement.setAttribute("data-ikz-unsupported", mark);
    while (root.firstChild) root.removeChild(root.firstChild);
    var container = document.createElement("main");
    container.className = "ikz-unsupported";
    var languages = [common.de, common.en];
    for (var i = 0; i < languages.length; i++) {
      var texts = languages[i];
      var section = document.createElement("section");
      section.setAttribute("lang", texts.lang);
      var heading = document.createElement(i === 0 ? "h1" : "h2");
      heading.appendChild(document.createTextNode(texts.heading));
      var body = document.createElement("p");
      body.appendChild(document.createTextNode(why[mark][texts.lang] + " " + texts.rest));
      section.appendChild(heading);
      section.appendChild(body);
      container.appendChild(section);
    }
    root.appendChild(container);
  }

  function whenReady(action) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", action);
    else action();
  }

  if (trident || edgeHtml || !modern()) {
    var mark = reason();
    // marked at once, so the bundle (if it parses at all) does not start
    document.documentElement.setAttribute("data-ikz-unsupported", mark);
    whenReady(function () {
      show(mark);
    });
    return;
  }

  // The safety net. A parse error of one of our scripts reaches window.onerror as a SyntaxError
  // (a cross-origin script such as office.js from the CDN only reports "Script error.").
  // Only while the page still shows "loading …": once the pane has drawn, errors are its own.
  window.addEventListener("error", function (event) {
    if (shown) return;
    var error = event.error;
    var message = String(event.message || (error && error.message) || "");
    // a SyntaxError from JSON.parse is a runtime error, not a script the browser cannot parse
    var syntax = ((error && error.name === "SyntaxError") || /SyntaxError/.test(message)) && !/JSON/.test(message);
    var root = document.getElementById("root");
    var stillLoading = root && root.querySelector(".ikz-loading");
    if (syntax && stillLoading) show(reason());
  });
})();
