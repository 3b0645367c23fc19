// @vitest-environment jsdom
/** preflight.js (ES5, static): what users of browsers the bundle cannot run in see instead of the pane. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// a path, not a URL object: under jsdom, `URL` is jsdom's and node:fs does not take it
const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "preflight.js"), "utf8");
const realUserAgent = navigator.userAgent;
const realAddEventListener = window.addEventListener.bind(window);
const added: [string, EventListenerOrEventListenerObject][] = [];

const UA = {
  edgeChromium:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19041",
  /** Office on a Mac: WKWebView, no Safari version in the string. */
  macWebView: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  oldChrome: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0 Safari/537.36",
};

function runPreflight(userAgent: string): void {
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- runs the script as a browser does
  new Function(source)();
}

/** Runs `action` in a JavaScript engine without Array.prototype.at (Safari before 15.4, Chrome before 92). */
function withoutArrayAt(action: () => void): void {
  const at = Object.getOwnPropertyDescriptor(Array.prototype, "at");
  delete (Array.prototype as { at?: unknown }).at;
  try {
    action();
  } finally {
    if (at) Object.defineProperty(Array.prototype, "at", at);
  }
}

function mark(): string | null {
  return document.documentElement.getAttribute("data-ikz-unsupported");
}

function sectionText(lang: "de" | "en"): string {
  return document.querySelector(`#root section[lang="${lang}"]`)?.textContent ?? "";
}

function parseErrorInBundle(): void {
  window.dispatchEvent(
    new ErrorEvent("error", {
      error: new SyntaxError("Unexpected token '{'"),
      message: "SyntaxError: Unexpected token '{'",
    }),
  );
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"><p class="ikz-loading">ikz-kit wird geladen …</p></div>';
  document.documentElement.removeAttribute("data-ikz-unsupported");
  delete (window as { OsfOptOut?: boolean }).OsfOptOut;
  // remember the safety-net listeners each run adds, to remove them after the test
  window.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject) => {
    added.push([type, listener]);
    realAddEventListener(type, listener);
  }) as typeof window.addEventListener;
});

afterEach(() => {
  Object.defineProperty(window.navigator, "userAgent", { value: realUserAgent, configurable: true });
  window.addEventListener = realAddEventListener;
  for (const [type, listener] of added.splice(0)) window.removeEventListener(type, listener);
});

describe("preflight.js", () => {
  it.each([
    ["Edge (Chromium)", UA.edgeChromium],
    ["a current Mac WebView", UA.macWebView],
  ])("leaves %s alone but sets OsfOptOut", (_, userAgent) => {
    runPreflight(userAgent);
    expect(mark()).toBeNull();
    expect(document.getElementById("root")?.textContent).toBe("ikz-kit wird geladen …");
    expect((window as { OsfOptOut?: boolean }).OsfOptOut).toBe(true);
  });

  it.each([
    ["Internet Explorer 11 (Office 2016/2019)", UA.ie11, "trident", "Internet Explorer"],
    ["old Edge (EdgeHTML)", UA.edgeHtml, "edgehtml", "alten Edge (EdgeHTML)"],
  ])("explains in German and English why the pane cannot run in %s", (_, userAgent, expected, named) => {
    runPreflight(userAgent);
    expect(mark()).toBe(expected);
    const sections = document.querySelectorAll("#root section");
    expect([...sections].map((s) => s.getAttribute("lang"))).toEqual(["de", "en"]);
    expect(sectionText("de")).toContain(named);
    expect(sectionText("de")).toMatch(/Kommandozeilenwerkzeug ikz/);
    expect(sectionText("de")).toMatch(/LibreOffice/);
    expect(document.querySelector("#root h1")?.textContent).toBe("Der Aufgabenbereich kann hier nicht laufen");
  });

  it("names an old Safari/WebKit on a Mac as the reason, not Internet Explorer", () => {
    withoutArrayAt(() => runPreflight(UA.macWebView));
    expect(mark()).toBe("webkit");
    expect(sectionText("de")).toContain("Ihr Mac (oder iPad) verwendet eine ältere Safari/WebKit-Version (vor 15.4)");
    expect(sectionText("de")).toContain("macOS (bzw. iPadOS) und Safari aktualisieren");
    expect(sectionText("de")).not.toContain("Internet Explorer");
    expect(sectionText("en")).toContain("older Safari/WebKit version (before 15.4)");
  });

  it("names the versions needed for any other browser that is too old", () => {
    withoutArrayAt(() => runPreflight(UA.oldChrome));
    expect(mark()).toBe("outdated");
    expect(sectionText("de")).toContain("Dieser Browser ist für den Aufgabenbereich zu alt");
    expect(sectionText("de")).toContain("Safari ab 15.4");
  });

  it("shows the note when one of the pane's scripts fails to parse before the pane drew anything", () => {
    runPreflight(UA.macWebView);
    expect(mark()).toBeNull();
    parseErrorInBundle();
    expect(mark()).toBe("webkit");
    expect(sectionText("de")).toContain("Safari/WebKit");
  });

  it("ignores other errors, and parse errors once the pane is drawn", () => {
    runPreflight(UA.edgeChromium);
    window.dispatchEvent(new ErrorEvent("error", { error: new TypeError("x is undefined"), message: "TypeError" }));
    window.dispatchEvent(new ErrorEvent("error", { message: "Script error." }));
    window.dispatchEvent(
      new ErrorEvent("error", {
        error: new SyntaxError("Unexpected token < in JSON at position 0"),
        message: "Uncaught SyntaxError: Unexpected token < in JSON at position 0",
      }),
    );
    expect(mark()).toBeNull();
    document.getElementById("root")!.innerHTML = "<main>the pane</main>";
    parseErrorInBundle();
    expect(mark()).toBeNull();
    expect(document.getElementById("root")?.textContent).toBe("the pane");
  });
});
