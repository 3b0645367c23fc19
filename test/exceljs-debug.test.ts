import { it } from "vitest";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
it("debug", async () => {
  const bytes = readFileSync("/tmp/xl/hand-a.xlsx");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { entries: "emit" }) as any;
  reader.on("entry", (e: unknown) => process.stderr.write(`entry ${JSON.stringify(e)}\n`));
  reader._parseWorksheet = function* (iterator: unknown, sheetNo: string) { process.stderr.write(`sheet ${sheetNo}\n`); yield { eventType: "x", value: { iterator, sheetNo } }; };
  for await (const ev of reader.parse()) {
    process.stderr.write(`event ${ev.eventType}\n`);
    if (ev.eventType === "x") { let n = 0; for await (const c of ev.value.iterator) n += c.length; process.stderr.write(`consumed ${n}\n`); }
  }
  process.stderr.write(`model ${JSON.stringify(reader.model)}\n`);
});
