// ESLint flat config. Run: npx eslint .
// typescript-eslint's non-type-checked `strict` + `stylistic` sets; the type-checked sets
// (strictTypeChecked) are left out for now because they are slow and noisy.

import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const typeScriptFiles = ["**/*.{ts,tsx,mts,cts}"];
const addinTypeScriptFiles = ["addin/**/*.{ts,tsx,mts,cts}", "adapters/office/**/*.{ts,tsx,mts,cts}"];
const coreFiles = ["lib/**", "templates/**"];

// --- The pure core: lib/ and templates/ --------------------------------------------------------

const coreMessage =
  "lib/ and templates/ are the pure core: plain data in, plain data out, no I/O, no host or UI. " +
  "Put code that needs this module in adapters/ (exceljs, Office.js, files) or in an app (cli/, addin/) " +
  "and pass plain data into lib/.";

/** Packages the core must never import, nor any of their subpaths. */
const forbiddenPackages = ["exceljs", "react", "react-dom", "office-js", "@microsoft/office-js"];

const restrictedCoreImports = {
  paths: [
    ...forbiddenPackages.map((name) => ({ name, message: coreMessage })),
    // Bare Node builtins and their subpaths (fs, fs/promises, path, os, stream, child_process, crypto, …).
    ...builtinModules.map((name) => ({ name, message: coreMessage })),
  ],
  patterns: [
    {
      group: ["node:*", "@fluentui/*", ...forbiddenPackages.map((name) => `${name}/*`)],
      message: coreMessage,
    },
  ],
};

// --- The two workbook adapters stand side by side --------------------------------------------
// adapters/office (Office.js) and adapters/exceljs (files) both only apply plans and read
// snapshots; what they share (looks, number formats, formula shifting, dates, PlanWriteError)
// lives in lib/. Neither imports the other, nor the other's library.

const adaptersMessage =
  "adapters/office and adapters/exceljs do not import each other: move what both need into lib/ " +
  "(e.g. lib/plan/cellLooks.ts, lib/formulas/shiftFormula.ts, lib/cells/dateFormats.ts).";

/** A relative import into a folder named `name` (`../exceljs/…`, `../../adapters/exceljs/…`). */
const relativeInto = (name) => ({ regex: `^(\\.\\./)+(.*/)?${name}/`, message: adaptersMessage });

const restrictedOfficeAdapterImports = {
  paths: [{ name: "exceljs", message: adaptersMessage }],
  patterns: [relativeInto("exceljs"), { group: ["exceljs/*"], message: adaptersMessage }],
};

const restrictedExcelJsAdapterImports = {
  paths: ["office-js", "@microsoft/office-js"].map((name) => ({ name, message: adaptersMessage })),
  patterns: [relativeInto("office"), { group: ["office-js/*", "@microsoft/office-js/*"], message: adaptersMessage }],
};

// --- eslint-plugin-office-addins -------------------------------------------------------------
// Its `recommended` config also turns on @eslint/js, prettier-as-a-rule and its own (older)
// copy of the @typescript-eslint plugin, and it does not match .tsx. Take only its own rules,
// at the levels it recommends.
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith("office-addins/")),
);

export default defineConfig([
  globalIgnores(["dist/", "out/", "node_modules/", "coverage/", ".tmp/"]),

  {
    name: "ikz/typescript",
    files: typeScriptFiles,
    extends: [tseslint.configs.strict, tseslint.configs.stylistic],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    name: "ikz/addin",
    files: addinTypeScriptFiles,
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" },
    },
    rules: officeAddinRules,
  },

  {
    name: "ikz/pure-core",
    files: coreFiles,
    rules: {
      "no-restricted-imports": ["error", restrictedCoreImports],
      // import("…") would slip past no-restricted-imports; the core imports statically only.
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression", message: `Dynamic import() in the core. ${coreMessage}` },
        {
          selector: "TSImportType",
          message: `import("…") type in the core: use a static \`import type\`. ${coreMessage}`,
        },
      ],
    },
  },
  {
    name: "ikz/adapters-office",
    files: ["adapters/office/**"],
    // the tests that hold the two writers' results side by side read files with the exceljs adapter
    ignores: ["adapters/office/allTemplatesInExcel.test.ts", "adapters/office/templatesCoexist.test.ts"],
    rules: { "no-restricted-imports": ["error", restrictedOfficeAdapterImports] },
  },
  {
    name: "ikz/adapters-office/exceljs-side",
    files: ["adapters/exceljs/**"],
    rules: { "no-restricted-imports": ["error", restrictedExcelJsAdapterImports] },
  },
  {
    name: "ikz/tests",
    files: ["test/**/*.ts", "**/*.test.ts", "bench/**/*.ts"],
    rules: {
      // A test that dereferences what it just asserted is clearer with `!` than with guards.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
]);
