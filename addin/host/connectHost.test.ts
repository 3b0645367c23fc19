import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeExcel, FakeOfficeError, FakeWorkbook } from "../../adapters/office/testing/fakeExcel.js";
import { type Connection, connectHost, connectToExcel, START_RETRY_DELAYS_MS } from "./connectHost.js";

const global = globalThis as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete global.Office;
  delete global.Excel;
});

/** A wait that returns at once and remembers how long it was asked to wait (no real time passes). */
function recordingWait(): { readonly wait: (ms: number) => Promise<void>; readonly waited: number[] } {
  const waited: number[] = [];
  return { waited, wait: (ms) => (waited.push(ms), Promise.resolve()) };
}

/**
 * Office inside Excel: `Office.onReady` says Excel, every requirement set is supported, and
 * `Excel.run(options, batch)` runs on a fake workbook — failing with `failures` first.
 */
function excelWith(failures: readonly string[]): { readonly runOptions: unknown[] } {
  const fake = new FakeExcel(new FakeWorkbook("Bockau.xlsx"));
  const runOptions: unknown[] = [];
  const pending = [...failures];
  global.Office = {
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: { requirements: { isSetSupported: () => true } },
  };
  global.Excel = {
    run: (options: unknown, batch: (context: Excel.RequestContext) => Promise<unknown>) => {
      runOptions.push(options);
      const code = pending.shift();
      if (code !== undefined) return Promise.reject(new FakeOfficeError(code, `${code} (fake)`, "Workbook.name"));
      return fake.run(batch);
    },
  };
  return { runOptions };
}

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

  it("asks Excel to wait while a cell is being edited, from the first call on", async () => {
    const excel = excelWith([]);
    const connection = await connectHost("de", { wait: recordingWait().wait });
    expect(connection.kind).toBe("excel");
    expect(connection.kind === "excel" && connection.host.name).toBe("Bockau.xlsx");
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it("tries again with growing pauses while Excel is in cell edit mode or busy, then connects", async () => {
    const excel = excelWith([
      "InvalidOperationInCellEditMode",
      "ActivityLimitReached",
      "WriteNotSupportedWhenModalDialogOpen",
    ]);
    const clock = recordingWait();
    const connection = await connectHost("de", { wait: clock.wait });
    expect(connection.kind).toBe("excel");
    expect(clock.waited).toEqual([1_000, 2_000, 4_000]);
    expect(excel.runOptions).toHaveLength(4);
    expect(excel.runOptions.every((options) => (options as { delayForCellEdit?: boolean }).delayForCellEdit)).toBe(
      true,
    );
  });

  it("gives up after a bounded number of attempts and says why in German and English", async () => {
    const excel = excelWith(Array.from({ length: 10 }, () => "InvalidOperationInCellEditMode"));
    const clock = recordingWait();
    const connection = await connectHost("de", { wait: clock.wait });
    expect(clock.waited).toEqual([...START_RETRY_DELAYS_MS]);
    expect(excel.runOptions).toHaveLength(START_RETRY_DELAYS_MS.length + 1);
    expect(connection).toMatchObject({ kind: "unavailable", transient: true });
    if (connection.kind !== "unavailable") throw new Error("expected unavailable");
    expect(connection.error).toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(connection.describeError?.(connection.error, "de")).toMatch(/^Excel ist im Bearbeitungsmodus/);
    expect(connection.describeError?.(connection.error, "en")).toMatch(/^Excel is in cell edit mode/);
  });

  it("does not try again what cannot go away by waiting (access denied)", async () => {
    const excel = excelWith(["AccessDenied"]);
    const clock = recordingWait();
    const connection = await connectHost("de", { wait: clock.wait });
    expect(clock.waited).toEqual([]);
    expect(excel.runOptions).toHaveLength(1);
    expect(connection).toMatchObject({ kind: "unavailable", transient: false });
  });
});

describe("connectToExcel", () => {
  it("returns the first answer that is not a transient failure", async () => {
    const answers: Connection[] = [
      { kind: "unavailable", error: new Error("chunk"), transient: true },
      { kind: "file", reason: "excelTooOld", hostName: "ExcelApi 1.7" },
    ];
    const clock = recordingWait();
    const load = vi.fn(() => Promise.resolve(answers.shift() ?? { kind: "file" as const, reason: "noHost" as const }));
    expect(await connectToExcel("de", { load, wait: clock.wait, retryDelaysMs: [5, 7] })).toEqual({
      kind: "file",
      reason: "excelTooOld",
      hostName: "ExcelApi 1.7",
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(clock.waited).toEqual([5]);
  });
});
