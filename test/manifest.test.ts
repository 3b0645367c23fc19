/**
 * manifest.xml, checked structurally (Microsoft's validator is an online service): well-formed,
 * every resid resolves, every URL is https, every icon exists, German default with English
 * overrides, the permissions and host the pane needs.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
let xml = "";
let manifest: Record<string, unknown> = {};

/** Every value of an attribute anywhere in the document. */
function attributeValues(node: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) attributeValues(child, name, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === `@_${name}` && typeof value === "string") out.push(value);
      else attributeValues(value, name, out);
    }
  }
  return out;
}

/** Every element of a (namespaced) name anywhere in the document. */
function elements(node: unknown, name: string, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const child of node) elements(child, name, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === name)
        for (const item of Array.isArray(value) ? value : [value])
          if (item && typeof item === "object") out.push(item as Record<string, unknown>);
      elements(value, name, out);
    }
  }
  return out;
}

beforeAll(async () => {
  xml = await readFile(join(ROOT, "manifest.xml"), "utf8");
  manifest = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(xml) as Record<
    string,
    unknown
  >;
});

describe("manifest.xml", () => {
  it("is well-formed XML of an add-in-only task pane manifest for Excel", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const app = manifest["OfficeApp"] as Record<string, unknown>;
    expect(app["@_xsi:type"]).toBe("TaskPaneApp");
    expect(app["Permissions"]).toBe("ReadWriteDocument");
    expect(attributeValues(app["Hosts"], "Name")).toEqual(["Workbook"]);
    expect(String(app["Id"])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app["DefaultLocale"]).toBe("de-DE");
  });

  it("defines every resid it uses, and uses every resource it defines", () => {
    const used = new Set(attributeValues(manifest, "resid"));
    const resources = elements(manifest, "Resources")[0];
    const defined = new Set(attributeValues(resources, "id"));
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it("points only at https addresses", () => {
    const urls = [...attributeValues(manifest, "DefaultValue"), ...attributeValues(manifest, "Value")].filter((v) =>
      /^[a-z]+:\/\//i.test(v),
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("has every icon it names", () => {
    const icons = [...attributeValues(manifest, "DefaultValue")].filter((v) => v.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const url of icons) {
      const file = join(ROOT, new URL(url).pathname);
      expect(existsSync(file), file).toBe(true);
    }
  });

  it("speaks German by default and English as an override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const element = elements(manifest, name)[0];
      expect(element?.["@_DefaultValue"]).toBeTruthy();
      expect(attributeValues(element, "Locale")).toContain("en-US");
    }
    const strings = [...elements(manifest, "bt:String")];
    expect(strings.length).toBeGreaterThan(0);
    for (const string of strings) expect(attributeValues(string, "Locale"), String(string["@_id"])).toContain("en-US");
  });
});
