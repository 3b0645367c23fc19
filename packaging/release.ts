/**
 * `npm run release` (after `npm run build:cli`): node dist/packaging/release.js [--pane DIR] [--out-dir DIR]
 * writes dist/release/ikz-kit-<version>.zip; see buildRelease.ts.
 */
import { parseArgs } from "node:util";
import { buildRelease } from "./buildRelease.js";

const { values } = parseArgs({
  options: {
    pane: { type: "string" },
    "out-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(
    "npm run release [-- --pane DIR] [-- --out-dir DIR]\n" +
      "  --pane DIR      an existing `webpack --mode production --env intranet` build (default: build one)\n" +
      "  --out-dir DIR   where the zip goes (default: dist/release)",
  );
} else {
  const result = await buildRelease({
    ...(values.pane === undefined ? {} : { paneBuild: values.pane }),
    ...(values["out-dir"] === undefined ? {} : { outDir: values["out-dir"] }),
    log: (line) => console.error(line),
  });
  console.log(
    `${result.zip}\n${result.entries.length} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.seconds.toFixed(0)} s`,
  );
}
