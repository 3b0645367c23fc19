#!/usr/bin/env node
/**
 * `ikz`: the command line over lib/ and the exceljs adapter. Results go to stdout, messages to
 * stderr. Exit codes: 0 valid/done, 1 findings (or a refused overwrite), 2 unusable input.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { renderCliText, type CliTextKey } from "../lib/messages/cliTexts.js";
import { describeTemplate } from "../lib/spec/describeTemplate.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { findTemplate } from "../templates/registry.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "./CliContext.js";
import { runAnalyse } from "./commands/analyse.js";
import { runConsolidate } from "./commands/consolidate.js";
import { runAllocate } from "./commands/allocate.js";
import { runDemo } from "./commands/demo.js";
import { runPriorities } from "./commands/priorities.js";
import { runRoadmap } from "./commands/roadmap.js";
import { runTemplate } from "./commands/template.js";
import { runUpgrade } from "./commands/upgrade.js";
import { runValidate } from "./commands/validate.js";

/** The language asked for by `--lang` (anywhere in argv) or IKZ_LANG; German by default. */
export function languageFromArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--lang") return argv[i + 1] ?? "";
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return env["IKZ_LANG"] ?? "de";
}

const HELP_TITLES: Record<Language, Record<string, string>> = {
  de: { "Usage:": "Aufruf:", "Options:": "Optionen:", "Commands:": "Befehle:", "Arguments:": "Argumente:" },
  en: {},
};

/** Commander's help in the user's language: translated headings, our own option texts only. */
function helpIn(language: Language) {
  return {
    styleTitle: (title: string) => HELP_TITLES[language][title] ?? title,
    optionDescription: (option: Option) => option.description,
    argumentDescription: (argument: { description: string }) => argument.description,
  };
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit
 * code. Output goes through `io`, so tests can call it in-process.
 */
export async function runCli(
  argv: readonly string[],
  io: Omit<CliContext, "language">,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<ExitCode> {
  const requested = languageFromArgs(argv, env);
  if (requested !== "de" && requested !== "en") {
    io.stderr(renderCliText("badLanguage", "de", { value: requested }));
    return EXIT.unusable;
  }
  const language: Language = requested;
  const templates = templatesOf(io);
  const context: CliContext = { language, stdout: io.stdout, stderr: io.stderr, templates };
  const t = (key: CliTextKey, value?: string) => renderCliText(key, language, value === undefined ? {} : { value });
  const templateIds = templates.map((m) => m.spec.id).join(", ");
  const townsTemplateIds = templates
    .filter((m) => m.takes.towns)
    .map((m) => m.spec.id)
    .join(", ");
  const starterTemplateIds = templates
    .filter((m) => m.takes.starter === true)
    .map((m) => m.spec.id)
    .join(", ");
  // the prepared rows by default, as the (first) template that takes them declares them
  const rowCounts = templates.find((m) => m.rowCounts !== undefined)?.rowCounts?.min;
  const minRows = (table: "towns" | "items") => String(rowCounts?.[table] ?? "");
  let exit: ExitCode = EXIT.ok;

  const program = new Command("ikz")
    .description(t("programDescription"))
    .version(GENERATOR_VERSION, "-V, --version", t("optionVersion"))
    .helpOption("-h, --help", t("optionHelp"))
    .helpCommand(false)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s.trimEnd()), writeErr: (s) => io.stderr(s.trimEnd()) })
    .configureHelp(helpIn(language));
  const withCommon = (command: Command) =>
    command
      .configureHelp(helpIn(language))
      .helpOption("-h, --help", t("optionHelp"))
      .addOption(new Option("--lang <lang>", t("optionLang")).choices(["de", "en"]).default("de"));

  withCommon(program.command("template").description(t("commandTemplate")))
    .argument("<template>", t("argTemplate", templateIds))
    .requiredOption("--out <file>", t("optionOut"))
    .option("--products <file>", t("optionProducts"))
    .addOption(
      new Option("--selection <choice>", t("optionSelection")).choices(["gemeinde", "alle", "municipality", "all"]),
    )
    .option("--town <name>", t("optionTown"))
    .option("--towns <list>", t("optionTowns", townsTemplateIds))
    .option("--town-rows <n>", t("optionTownRows", minRows("towns")))
    .option("--item-rows <n>", t("optionItemRows", minRows("items")))
    .option("--demo", t("optionDemo"))
    .option("--starter", t("optionStarter", starterTemplateIds))
    .option("--force", t("optionForce"))
    .action(
      async (
        id: string,
        options: {
          out: string;
          products?: string;
          selection?: string;
          town?: string;
          towns?: string;
          townRows?: string;
          itemRows?: string;
          demo?: boolean;
          starter?: boolean;
          force?: boolean;
        },
      ) => {
        exit = await runTemplate(id, options, context);
      },
    );

  withCommon(program.command("describe").description(t("commandDescribe")))
    .argument("<template>", t("argTemplate", templateIds))
    .option("--json", t("optionJson"))
    .action((id: string, options: { json?: boolean }) => {
      const module = findTemplate(id, templates);
      if (!module) {
        io.stderr(renderCliText("unknownTemplate", language, { value: id, other: templateIds }));
        exit = EXIT.unusable;
        return;
      }
      const description = describeTemplate(module.spec, language);
      if (options.json) {
        io.stdout(JSON.stringify(description, null, 2));
        return;
      }
      io.stdout(`${description.title} (${description.id} ${description.version})`);
      for (const sheet of description.sheets) {
        io.stdout(`\n${sheet.name}`);
        for (const column of sheet.columns) {
          const at = column.row === undefined ? `${column.column}${sheet.headerRow}` : `${column.column}${column.row}`;
          io.stdout(
            `  ${at.padEnd(5)} ${column.label} [${column.key}, ${column.type}${column.kind === "computed" ? ", =" : ""}]`,
          );
        }
      }
    });

  withCommon(program.command("validate").description(t("commandValidate")))
    .argument("<files...>", t("argFiles"))
    .option("--json", t("optionJson"))
    .option("--strict", t("optionStrict"))
    .action(async (files: string[], options: { json?: boolean; strict?: boolean }) => {
      exit = await runValidate(files, options, context);
    });

  withCommon(program.command("priorities").description(t("commandPriorities")))
    .argument("<file>", t("argFile"))
    .option("--json", t("optionJson"))
    .action(async (file: string, options: { json?: boolean }) => {
      exit = await runPriorities(file, options, context);
    });

  withCommon(program.command("roadmap").description(t("commandRoadmap")))
    .argument("<files...>", t("argFiles"))
    .option("--json", t("optionJson"))
    .option("--out <file>", t("optionOut"))
    .option("--force", t("optionForce"))
    .action(async (files: string[], options: { json?: boolean; out?: string; force?: boolean }) => {
      exit = await runRoadmap(files, options, context);
    });

  withCommon(program.command("analyse").alias("analyze").description(t("commandAnalyse")))
    .argument("<files...>", t("argFiles"))
    .option("--json", t("optionJson"))
    .option("--out <file>", t("optionOut"))
    .option("--force", t("optionForce"))
    .action(async (files: string[], options: { json?: boolean; out?: string; force?: boolean }) => {
      exit = await runAnalyse(files, options, context);
    });

  withCommon(program.command("consolidate").description(t("commandConsolidate")))
    .argument("<files...>", t("argFiles"))
    .requiredOption("--out <file>", t("optionOut"))
    .option("--json", t("optionJson"))
    .option("--force", t("optionForce"))
    .option("--allow-similar-towns", t("optionAllowSimilarTowns"))
    .action(
      async (
        files: string[],
        options: { out: string; json?: boolean; force?: boolean; allowSimilarTowns?: boolean },
      ) => {
        exit = await runConsolidate(files, options, context);
      },
    );

  withCommon(program.command("allocate").description(t("commandAllocate")))
    .argument("<file>", t("argFile"))
    .option("--json", t("optionJson"))
    .action(async (file: string, options: { json?: boolean }) => {
      exit = await runAllocate(file, options, context);
    });

  withCommon(program.command("upgrade").description(t("commandUpgrade")))
    .argument("<file>", t("argFile"))
    .option("--out <file>", t("optionUpgradeOut"))
    .option("--force", t("optionForce"))
    .option("--json", t("optionJson"))
    .option("--town-rows <n>", t("optionTownRows", minRows("towns")))
    .option("--item-rows <n>", t("optionItemRows", minRows("items")))
    .action(
      async (
        file: string,
        options: { out?: string; force?: boolean; json?: boolean; townRows?: string; itemRows?: string },
      ) => {
        exit = await runUpgrade(file, options, context);
      },
    );

  withCommon(program.command("demo").description(t("commandDemo")))
    .option("--out-dir <dir>", t("optionOutDir"), "out")
    .option("--force", t("optionForce"))
    .action(async (options: { outDir: string; force?: boolean }) => {
      exit = await runDemo(options.outDir, options, context);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    throw error;
  }
  return exit;
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // `ikz … | head` closes the pipe early: that is not an error
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
    },
    process.env,
  );
  process.exitCode = code;
}
