/**
 * `ikz allocate --json` on the cost model demo, recalculated by LibreOffice: every share equals
 * the cell it names, to the cent, and every item's shares sum to its amount.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { runCli } from "../cli/ikz.js";
import { parseCellAddress } from "../lib/cells/address.js";
import { snapshotCell } from "../lib/snapshot/WorkbookSnapshot.js";
import {
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  toLibreOfficePrecision,
  requireLibreOffice,
} from "./support/libreoffice.js";

interface AllocateJson {
  items: { name: string; amountCents: number; shares: { town: string; cents: number; cell: string | null }[] }[];
  overhead: {
    name: string;
    amountCents: number;
    shares: { town: string; cents: number; cell: string | null }[];
  } | null;
  trueUp: { town: string; planCents: number; actualCents: number; differenceCents: number }[] | null;
  totals: { town: string; cents: number }[];
  advances: { town: string; quarters: number[] }[];
}

describe.skipIf(libreOfficeSkipRequested())("ikz allocate agrees with the sheet", () => {
  it("names the annex cell of every share (items and overhead), and LibreOffice shows the same amount there", async () => {
    requireLibreOffice();
    const dir = await mkdtemp(join(tmpdir(), "ikz-allocate-"));
    try {
      const quiet = { stdout: () => undefined, stderr: () => undefined };
      const model = join(dir, "kostenverteilung.xlsx");
      expect(await runCli(["template", "kostenverteilung", "--demo", "--out", model], quiet)).toBe(0);
      const [recalculated] = await recalculateWithLibreOffice([model], { outDir: join(dir, "lo") });
      const out: string[] = [];
      expect(
        await runCli(["allocate", recalculated!, "--json"], { stdout: (t) => out.push(t), stderr: () => undefined }),
      ).toBe(0);
      const result = JSON.parse(out.join("\n")) as AllocateJson;
      const snapshot = await readSnapshotFromXlsx(recalculated!, "kostenverteilung.xlsx");
      expect(result.items.length).toBeGreaterThan(3);
      let compared = 0;
      expect(result.overhead).not.toBeNull();
      expect(result.trueUp?.length).toBe(result.totals.length);
      for (const item of [...result.items, ...(result.overhead ? [result.overhead] : [])]) {
        expect(item.shares.reduce((sum, s) => sum + s.cents, 0)).toBe(item.amountCents);
        for (const share of item.shares) {
          expect(share.cell).not.toBeNull();
          const [sheetName, address] = (share.cell ?? "").split("!");
          expect(sheetName).toBe("Ergebnis");
          const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
          const { row, column } = parseCellAddress(address ?? "");
          expect(snapshotCell(sheet, row, column)?.value, share.cell ?? "").toBe(
            toLibreOfficePrecision(share.cents / 100),
          );
          compared++;
        }
      }
      expect(compared).toBe((result.items.length + 1) * result.totals.length);
      for (const advance of result.advances) {
        const total = result.totals.find((t) => t.town === advance.town)!;
        expect(advance.quarters.reduce((a, b) => a + b, 0)).toBe(total.cents);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a cost model with errors (exit 1) and says why", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ikz-allocate-"));
    try {
      const quiet = { stdout: () => undefined, stderr: () => undefined };
      const catalogue = join(dir, "katalog.xlsx");
      expect(await runCli(["template", "aufgabenkatalog", "--out", catalogue], quiet)).toBe(0);
      const err: string[] = [];
      expect(await runCli(["allocate", catalogue], { stdout: () => undefined, stderr: (t) => err.push(t) })).toBe(2);
      expect(err.join("\n")).toContain("Falsche Vorlage");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
