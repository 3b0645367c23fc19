// Builds the Excel add-in task pane into dist/addin/.
//   npx webpack --mode production     one-off build
//   npx webpack serve --mode development   (needs webpack-dev-server) https://localhost:3000
// ESM because package.json has "type": "module".

import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = import.meta.dirname;
const addinDir = path.join(root, "addin");

/** Files served as they are, next to the bundle (paths relative to the project root → output). */
const staticFiles = [
  ...[16, 32, 64, 80].map((size) => ({ from: `assets/icon-${size}.png`, to: `assets/icon-${size}.png` })),
  { from: "addin/taskpane.css", to: "taskpane.css" },
];

/**
 * Emits files byte for byte into the output (what copy-webpack-plugin would do, without the
 * dependency). Watched in watch/serve mode; a missing file fails the build.
 */
class EmitStaticFilesPlugin {
  /** @param {{ from: string, to: string }[]} files */
  constructor(files) {
    this.files = files;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(EmitStaticFilesPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: EmitStaticFilesPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          for (const { from, to } of this.files) {
            const absolute = path.join(root, from);
            compilation.fileDependencies.add(absolute);
            try {
              // `minimized` keeps the minimizer off: these files ship exactly as written.
              const info = { copied: true, minimized: true, sourceFilename: from };
              compilation.emitAsset(to, new sources.RawSource(await readFile(absolute)), info);
            } catch (error) {
              const hint = from.startsWith("assets/icon-") ? " (run: python3 assets/generate-icons.py)" : "";
              compilation.errors.push(new WebpackError(`Cannot copy ${from}${hint}: ${String(error)}`));
            }
          }
        },
      );
    });
  }
}

/**
 * HTTPS for webpack-dev-server on port 3000. Uses the certificate from
 * `npx office-addin-dev-certs install` when it exists; otherwise the dev server makes a
 * self-signed one, which Office will not trust.
 */
function devServerOptions() {
  const certDir = path.join(homedir(), ".office-addin-dev-certs");
  const key = path.join(certDir, "localhost.key");
  const cert = path.join(certDir, "localhost.crt");
  const haveCerts = existsSync(key) && existsSync(cert);
  if (!haveCerts) {
    console.warn(`No Office dev certificate in ${certDir}; run: npx office-addin-dev-certs install`);
  }
  return {
    port: 3000,
    server: haveCerts
      ? { type: "https", options: { key: readFileSync(key), cert: readFileSync(cert) } }
      : { type: "https" },
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
  };
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: "development" | "production" | "none" }} argv
 * @returns {import("webpack").Configuration}
 */
export default function createConfig(env, argv) {
  const mode = argv.mode ?? "development";
  const production = mode === "production";
  return {
    mode,
    context: root,
    target: ["web", "es2022"],
    entry: { taskpane: "./addin/taskpane.ts" },
    output: {
      path: path.join(root, "dist", "addin"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Sources import "./x.js" (NodeNext style); the file on disk is x.ts.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type errors are tsc's job (tsc -p addin); the bundle only strips types.
          options: { transpileOnly: true, configFile: path.join(addinDir, "tsconfig.json") },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(addinDir, "taskpane.html"),
        filename: "taskpane.html",
        chunks: ["taskpane"],
      }),
      new EmitStaticFilesPlugin(staticFiles),
    ],
    ...(env.WEBPACK_SERVE ? { devServer: devServerOptions() } : {}),
  };
}
