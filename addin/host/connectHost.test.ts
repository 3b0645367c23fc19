import { afterEach, describe, expect, it } from "vitest";
import { connectHost } from "./connectHost.js";

const global = globalThis as { Office?: unknown };

afterEach(() => {
  delete global.Office;
});

describe("connectHost", () => {
  it("works with files when office.js did not load", async () => {
    expect(await connectHost("de")).toEqual({ kind: "file", reason: "noOffice" });
  });

  it("works with files in a plain browser (Office.onReady gives no host)", async () => {
    global.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await connectHost("de")).toEqual({ kind: "file", reason: "noHost" });
  });

  it("works with files in another Office application", async () => {
    global.Office = { onReady: () => Promise.resolve({ host: "Word", platform: "PC" }) };
    expect(await connectHost("en")).toEqual({ kind: "file", reason: "otherHost", hostName: "Word" });
  });
});
