/**
 * The one shape every template has for the apps: its spec, planner, checks, analysis, demo,
 * upgrade planner, partnership label, and what the apps treat differently for it — as declared
 * data, so that `cli/` and `addin/` hold no branch on a template's id. Each template folder
 * exports one `module.ts` that `satisfies TemplateModule`; templates/registry.ts lists them.
 */
import type { PlannedWorkbook } from "../lib/plan/planWorkbook.js";
import type { Language, LocalizedText, TemplateSpec } from "../lib/spec/TemplateSpec.js";
import type { UpgradePlanner } from "../lib/upgrade/upgradeWorkbook.js";
import type { TemplateCheck } from "../lib/validation/validateWorkbook.js";
import type { TemplateAnalysis } from "./analysis.js";
import type { ProductSelection } from "./reference/productFramework.js";

/** Options every template's planner takes. */
export interface TemplatePlanOptions {
  readonly language: Language;
  readonly town?: string;
  readonly demo?: boolean;
  readonly products?: readonly { readonly code: string; readonly name: string }[];
  /**
   * Which framework products pre-fill the rows when no `products` are given (templates that take
   * products): the typical ones of a kreisangehörige Gemeinde (default) or all.
   */
  readonly productSelection?: ProductSelection;
  /** Partner towns to pre-fill (trimmed, unique; see `parseTownList`), for templates that take them. */
  readonly towns?: readonly string[];
  /** Pre-fill starter themes drawn from the guideline, not yet rated (templates with `takes.starter`; not with `demo`). */
  readonly starter?: boolean;
  /** Prepared rows at least (cost model: towns and cost items; see `rowCounts`), for templates that take them. */
  readonly rows?: PreparedRows;
}

/** Prepared rows asked for (`--town-rows`, `--item-rows`). */
export interface PreparedRows {
  readonly towns?: number;
  readonly items?: number;
}

/** Why a request for prepared rows cannot be planned. */
export type RowCountProblem =
  | { readonly problem: "range"; readonly table: "towns" | "items"; readonly min: number; readonly max: number }
  | { readonly problem: "tooMany"; readonly pairRows: number; readonly max: number };

/** What a template with prepared rows (`takes.rows`) declares about them. */
export interface RowCounts {
  /** The rows prepared when none are asked for (shown in the help). */
  readonly min: { readonly towns: number; readonly items: number };
  /** Undefined when the request can be planned, else why not. */
  readonly check: (rows: PreparedRows) => RowCountProblem | undefined;
}

/**
 * What `ikz demo` (and the release's examples) write for a template, in the registry's order:
 * the blank template, one filled file per demo town or one example, then a follow-up journey.
 */
export interface TemplateDemo {
  /** `<id>-vorlage.xlsx`: the blank template. */
  readonly blank: boolean;
  /** One demo file per town (`<id>-<town>.xlsx`, planned with `town` and `demo`); none: one `<id>-beispiel.xlsx`. */
  readonly towns?: readonly string[];
  /**
   * What follows the files: `roadmap` (validate them, then the joint roadmap), `allocate` (the
   * example's split, printed), `analyse` (the template's analysis of the files).
   */
  readonly followUp: "roadmap" | "allocate" | "analyse";
}

/** A template as the apps see it. */
export interface TemplateModule {
  readonly spec: TemplateSpec;
  /** The template's own checks beyond the spec's columns (run by validateWorkbook). */
  readonly check: TemplateCheck;
  /** Plans a new workbook; reads only the options `takes` names (and `language`, `demo`). */
  readonly plan: (options: TemplatePlanOptions) => PlannedWorkbook;
  /** Which of the common options the planner uses (the CLI refuses, the pane hides the others). */
  readonly takes: {
    readonly town: boolean;
    readonly products: boolean;
    readonly towns: boolean;
    /** Prepared rows on request (`--town-rows`, `--item-rows`); see `rowCounts`. */
    readonly rows?: boolean;
    /** Starter themes on request (`--starter`). */
    readonly starter?: boolean;
  };
  /** For templates with `takes.rows`: the default rows and the check of a request. */
  readonly rowCounts?: RowCounts;
  /** What `ikz analyse` and the pane's analysis do with workbooks of this template. */
  readonly analysis?: TemplateAnalysis;
  /** For templates analysed by a command of their own: which one. */
  readonly analysisHint?: LocalizedText;
  /**
   * The pane shows this template's analysis in sections of its own (priorities, roadmap), not in
   * the generic analysis section.
   */
  readonly ownPaneSection?: boolean;
  /** Plans an upgraded workbook when the template's planner adds rows of its own (default: planWorkbook). */
  readonly planUpgrade?: UpgradePlanner;
  /** What `ikz demo` writes for the template. */
  readonly demo: TemplateDemo;
  /** In the partnership workbook: the short name put before a sheet name another part has taken. */
  readonly partnership: { readonly label: LocalizedText };
}
