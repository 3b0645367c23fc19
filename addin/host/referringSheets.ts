/**
 * Which other sheets refer to sheets the pane is about to replace: their references end as
 * `#REF!` after the replace (docs/decisions/0010, 0011), so the replace dialog names them.
 */
import { cellAddress } from "../../lib/cells/address.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { sheetsReferredTo } from "../../lib/formulas/sheetReferences.js";
import { sameSheetName } from "./sheetNames.js";

/** A sheet that stays and refers to sheets that would be replaced. */
export interface ReferringSheet {
  /** The referring sheet, spelled as in the workbook. */
  readonly sheet: string;
  /** The replaced sheets it refers to, spelled as in the workbook. */
  readonly refersTo: readonly string[];
  /** How many of its cells refer to them, and the first of them (e.g. `B4`). */
  readonly cells: number;
  readonly firstCell: string;
}

/** What {@link referringSheetsIn} found, and the sheets too large to look into. */
export interface ReferringSheets {
  readonly referring: readonly ReferringSheet[];
  /** Sheets not looked into (over the host's cell bound); empty when all were read. */
  readonly unchecked: readonly string[];
}

/**
 * Accumulates, sheet by sheet, the formulas that name one of `names`. Sheets among `names` are
 * replaced together and are skipped; formula text is matched by sheet prefix (`Name!`,
 * `'Long name'!`), case ignored as Excel does.
 */
export class ReferenceCollector {
  private readonly found: ReferringSheet[] = [];

  constructor(private readonly names: readonly string[]) {}

  /** Whether `sheet` is one of the sheets being replaced (and so not looked into). */
  replaced(sheet: string): boolean {
    return this.names.some((name) => sameSheetName(name, sheet));
  }

  /** Looks at one sheet's formulas, given as `[address, formula]`. */
  add(sheet: string, formulas: Iterable<readonly [string, string]>): void {
    if (this.replaced(sheet)) return;
    const refersTo: string[] = [];
    let cells = 0;
    let firstCell = "";
    for (const [address, formula] of formulas) {
      const targets = sheetsReferredTo(formula).flatMap((name) => this.names.filter((n) => sameSheetName(n, name)));
      if (targets.length === 0) continue;
      cells++;
      if (firstCell === "") firstCell = address;
      for (const target of targets) if (!refersTo.includes(target)) refersTo.push(target);
    }
    if (cells > 0) this.found.push({ sheet, refersTo, cells, firstCell });
  }

  result(unchecked: readonly string[] = []): ReferringSheets {
    return { referring: [...this.found], unchecked: [...unchecked] };
  }
}

/** {@link ReferringSheets} of a snapshot's formulas (file mode, tests). */
export function referringSheetsIn(snapshot: WorkbookSnapshot, names: readonly string[]): ReferringSheets {
  const collector = new ReferenceCollector(names);
  for (const sheet of snapshot.sheets) {
    if (collector.replaced(sheet.name)) continue;
    collector.add(sheet.name, formulasOf(sheet.rows));
  }
  return collector.result();
}

function* formulasOf(rows: WorkbookSnapshot["sheets"][number]["rows"]): Iterable<readonly [string, string]> {
  for (let row = 1; row < rows.length; row++) {
    const cells = rows[row];
    if (!cells) continue;
    for (let column = 1; column < cells.length; column++) {
      const formula = cells[column]?.formula;
      if (formula !== undefined) yield [cellAddress(row, column), formula];
    }
  }
}
