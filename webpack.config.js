// Builds the Excel add-in task pane into dist/addin/.
//   npx webpack --mode production                                one-off build (office.js from Microsoft's CDN)
//   npx webpack --mode production --env intranet                 office.js copied next to the pane (or IKZ_INTRANET=1)
//   npx webpack --mode production --env sourceUrl=https://intranet.example/ikz   URLs in dist/addin/manifest.xml
//   npx webpack serve --mode development                         https://localhost:3000/taskpane.html
// ESM because package.json has "type": "module".

import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = import.meta.dirname;
const addinDir = path.join(root, "addin");
const officeJsDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");

/**
 * The syntax every script of the pane may use (docs/decisions/0012). preflight.js turns away
 * browsers without the ES2022 library features the code relies on (Safari/WebKit before 15.4,
 * Chrome before 93, Firefox before 92); all of them parse ES2021. ES2022 syntax (class fields,
 * class static blocks — Safari only has those from 16.4) is compiled down, ours and that of the
 * packages listed below. The browser test (test/browser/pane.browser.test.ts) parses every
 * emitted chunk at this level.
 */
export const SYNTAX_TARGET = "es2021";
/** Packages in node_modules that ship syntax newer than SYNTAX_TARGET (the test names any new one). */
const TRANSPILED_PACKAGES = ["tabster"];

/** Where the manifest in the repository points (the dev server); rewritten for other hosts. */
const DEV_SOURCE_URL = "https://localhost:3000";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL_DIR = "office-js";

/** `--env sourceUrl=…`: an https URL without query, hash or trailing slash. */
function sourceUrlOf(env) {
  const raw = typeof env.sourceUrl === "string" && env.sourceUrl !== "" ? env.sourceUrl : DEV_SOURCE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--env sourceUrl=${raw}: not a URL (example: https://intranet.example/ikz)`);
  }
  if (url.protocol !== "https:") throw new Error(`--env sourceUrl=${raw}: Office loads add-ins over https only`);
  if (url.search !== "" || url.hash !== "") throw new Error(`--env sourceUrl=${raw}: no query or fragment, please`);
  return url.href.replace(/\/+$/, "");
}

function isIntranet(env) {
  return env.intranet === true || env.intranet === "true" || process.env.IKZ_INTRANET === "1";
}

/**
 * Content-Security-Policy of the page. Styles inline because Fluent UI (Griffel) inserts its
 * style rules at run time, and office.js sets some inline styles in Excel on the web.
 * frame-ancestors cannot be set in a meta tag (a server header would have to do it).
 */
function contentSecurityPolicy({ intranet }) {
  return [
    "default-src 'self'",
    `script-src 'self'${intranet ? "" : " https://appsforoffice.microsoft.com"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The files office.js loads from its own folder at run time: the host-specific script
 * (excel-win32-16.01.js, excel-web-16.00.js, …, chosen by host and platform), the mapping
 * table for older hosts, the UI strings of the host's locale (<locale>/office_strings.js) and
 * its telemetry sink (telemetry/oteljs_agave.js, which hands events to the Office host).
 * Debug builds, other Office applications and Outlook strings are left out.
 */
function officeJsPatterns() {
  return [
    { from: "office.js" },
    { from: "excel*.js", globOptions: { ignore: ["**/*.debug.js"] } },
    { from: "o15apptofilemappingtable.js" },
    { from: "*/office_strings.js" },
    { from: "telemetry/*.js", globOptions: { ignore: ["**/*.debug.js"] } },
  ].map((pattern) => ({
    ...pattern,
    context: officeJsDist,
    to: `${OFFICE_JS_LOCAL_DIR}/[path][name][ext]`,
    // Microsoft's files ship as they are (and are not worth minifying again)
    info: { minimized: true },
  }));
}

/**
 * HTTPS for webpack-dev-server on port 3000. Uses the certificate from
 * `npx office-addin-dev-certs install` when it exists; otherwise webpack-dev-server makes a
 * self-signed one (fine for a browser after a warning; Office will not trust it).
 */
function devServerOptions() {
  const certDir = path.join(homedir(), ".office-addin-dev-certs");
  const key = path.join(certDir, "localhost.key");
  const cert = path.join(certDir, "localhost.crt");
  const haveCerts = existsSync(key) && existsSync(cert);
  if (!haveCerts) {
    console.warn(
      `No Office dev certificate in ${certDir}; using a self-signed one (run: npx office-addin-dev-certs install)`,
    );
  }
  return {
    port: 3000,
    server: haveCerts
      ? { type: "https", options: { key: readFileSync(key), cert: readFileSync(cert) } }
      : { type: "https" },
    static: false,
    // The page's CSP allows no eval; the overlay and HMR client work without.
    client: { overlay: { errors: true, warnings: false } },
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
  const intranet = isIntranet(env);
  const sourceUrl = sourceUrlOf(env);
  return {
    mode,
    context: root,
    target: ["web", SYNTAX_TARGET],
    entry: { taskpane: "./addin/index.tsx" },
    output: {
      path: path.join(root, "dist", "addin"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    // Never an eval-based devtool: the page's Content-Security-Policy forbids eval.
    devtool: "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Sources import "./x.js" (NodeNext style); the file on disk is x.ts or x.tsx.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] },
      alias: {
        // csv-parse's Node build uses the global Buffer; its browser build carries its own.
        "csv-parse/sync$": "csv-parse/browser/esm/sync",
      },
      // adapters/exceljs/inspectFile.ts imports node:fs/promises for paths on disk; the pane
      // only passes bytes, so those functions are never called in the browser.
      fallback: { "fs/promises": false },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type errors are tsc's job (tsc -p addin); the bundle only strips types.
          options: {
            transpileOnly: true,
            configFile: path.join(addinDir, "tsconfig.json"),
            // define semantics as with ES2022 (what tsc checks), emitted as ES2021
            compilerOptions: { target: SYNTAX_TARGET, useDefineForClassFields: true },
          },
        },
        {
          // the same compiler, for the few packages that ship newer syntax (tabster: class static
          // blocks, which TypeScript emits for static fields with assignment semantics — kept so)
          test: /\.m?js$/,
          include: TRANSPILED_PACKAGES.map((name) => path.join(root, "node_modules", name)),
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            instance: "dependencies",
            configFile: path.join(addinDir, "tsconfig.json"),
            compilerOptions: { allowJs: true, target: SYNTAX_TARGET, useDefineForClassFields: false },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // exceljs (≈ 1 MB) is only ever imported dynamically: its own async chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            chunks: "async",
            name: "exceljs",
            priority: 20,
            enforce: true,
          },
          // csv-parse's browser build, for own product lists: async too.
          csvParse: {
            test: /[\\/]node_modules[\\/]csv-parse[\\/]/,
            chunks: "async",
            name: "csv-parse",
            priority: 20,
            enforce: true,
          },
          // React, Fluent UI and friends: one initial chunk that changes rarely (long caching).
          vendors: { test: /[\\/]node_modules[\\/]/, chunks: "initial", name: "vendors", priority: 10 },
        },
      },
    },
    performance: {
      hints: production ? "warning" : false,
      // ≈ 250 KB gzipped start-up budget; the lazy exceljs chunk is measured on its own.
      maxEntrypointSize: 900_000,
      maxAssetSize: 1_200_000,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    ignoreWarnings: [
      // inspectFile's `open`/`stat` from the empty fs/promises fallback (never called in the browser)
      {
        module: /adapters[\\/]exceljs[\\/]inspectFile\.ts$/,
        message: /export '(open|stat)' \(imported as '\1'\) was not found in 'fs\/promises'/,
      },
    ],
    plugins: [
      new (class StripNodeScheme {
        // `node:fs/promises` → `fs/promises`, so resolve.fallback applies (webpack does not
        // resolve the node: scheme for web targets)
        apply(compiler) {
          compiler.hooks.normalModuleFactory.tap("StripNodeScheme", (factory) => {
            factory.hooks.beforeResolve.tap("StripNodeScheme", (data) => {
              if (data.request.startsWith("node:")) data.request = data.request.slice("node:".length);
            });
          });
        }
      })(),
      new HtmlWebpackPlugin({
        template: path.join(addinDir, "taskpane.html"),
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        inject: "head",
        templateParameters: {
          contentSecurityPolicy: contentSecurityPolicy({ intranet }),
          officeJsUrl: intranet ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN,
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "addin/taskpane.css", to: "taskpane.css" },
          // ES5 on purpose: runs before office.js and the bundle (see the file).
          { from: "addin/preflight.js", to: "preflight.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: { transformer: (content) => content.toString("utf8").replaceAll(DEV_SOURCE_URL, sourceUrl) },
          },
          ...(intranet ? officeJsPatterns() : []),
        ],
      }),
    ],
    ...(env.WEBPACK_SERVE ? { devServer: devServerOptions() } : {}),
  };
}
