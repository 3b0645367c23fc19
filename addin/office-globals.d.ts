/**
 * The small part of the Office.js global that the placeholder task pane uses.
 *
 * office.js comes from Microsoft's CDN at run time, so there is no import. It may also be missing
 * altogether (CDN blocked, page opened offline), which is why `Office` is typed as possibly
 * `undefined`: test `typeof Office === "undefined"` before use.
 *
 * Delete this file when `@types/office-js` is added; its declarations would clash with these.
 */

/** What `Office.onReady` resolves with; both fields are `null` outside an Office host. */
interface OfficeReadyInfo {
  readonly host: string | null;
  readonly platform: string | null;
}

interface OfficeGlobal {
  onReady(callback?: (info: OfficeReadyInfo) => void): Promise<OfficeReadyInfo>;
}

declare const Office: OfficeGlobal | undefined;
