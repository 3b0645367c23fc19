// @vitest-environment jsdom
/** preflight.js (ES5, static): what Internet Explorer and old Edge users see instead of the pane. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// a path, not a URL object: under jsdom, `URL` is jsdom's and node:fs does not take it
const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "preflight.js"), "utf8");
const realUserAgent = navigator.userAgent;

function runPreflight(userAgent: string): void {
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  new Function(source)();
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"><p>ikz-kit wird geladen …</p></div>';
  document.documentElement.removeAttribute("data-ikz-unsupported");
  delete (window as { OsfOptOut?: boolean }).OsfOptOut;
});

afterEach(() => {
  Object.defineProperty(window.navigator, "userAgent", { value: realUserAgent, configurable: true });
});

describe("preflight.js", () => {
  it("leaves current browsers alone but sets OsfOptOut", () => {
    runPreflight("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0");
    expect(document.documentElement.hasAttribute("data-ikz-unsupported")).toBe(false);
    expect(document.getElementById("root")?.textContent).toBe("ikz-kit wird geladen …");
    expect((window as { OsfOptOut?: boolean }).OsfOptOut).toBe(true);
  });

  it.each([
    ["Internet Explorer 11 (Office 2016/2019)", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko", "trident"],
    ["old Edge (EdgeHTML)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19041", "outdated"],
  ])("explains in German and English why the pane cannot run in %s", (_, userAgent, mark) => {
    runPreflight(userAgent);
    expect(document.documentElement.getAttribute("data-ikz-unsupported")).toBe(mark);
    const sections = document.querySelectorAll("#root section");
    expect([...sections].map((s) => s.getAttribute("lang"))).toEqual(["de", "en"]);
    expect(sections[0]?.textContent).toMatch(/Kommandozeilenwerkzeug ikz/);
    expect(sections[0]?.textContent).toMatch(/LibreOffice/);
    expect(document.querySelector("#root h1")?.textContent).toBe("Der Aufgabenbereich kann hier nicht laufen");
  });
});
