/**
 * Types for the one exceljs internal module the adapter imports: its SAX wrapper (saxes,
 * which exceljs depends on). Pinned by test/exceljs-roundtrip.test.ts.
 */
declare module "exceljs/lib/utils/parse-sax.js" {
  interface SaxTag {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string | undefined>>;
    readonly isSelfClosing: boolean;
  }
  type SaxEvent =
    | { readonly eventType: "opentag"; readonly value: SaxTag }
    | { readonly eventType: "closetag"; readonly value: SaxTag }
    | { readonly eventType: "text"; readonly value: string };
  /** Parses XML text chunks (strings pass through undecoded) into batches of events. */
  function parseSax(iterable: AsyncIterable<string>): AsyncGenerator<SaxEvent[], void, undefined>;
  export = parseSax;
}
