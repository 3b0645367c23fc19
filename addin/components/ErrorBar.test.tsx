// @vitest-environment jsdom
/** The error bar: the sentence in the user's language, and the code and detail in one copyable line. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeOfficeError } from "../../adapters/office/testing/fakeExcel.js";
import { OfficeHostError, toOfficeHostError } from "../../adapters/office/officeErrors.js";
import { renderOfficeMessage } from "../../adapters/office/officeMessages.js";
import type { HostErrorDescriber } from "../host/describeError.js";
import { SheetExistsError } from "../host/SheetExistsError.js";
import { LanguageProvider } from "../useLanguage.js";
import { ErrorBar } from "./ErrorBar.js";
import { memoryStorage } from "../testing/memoryStorage.js";

const describeOffice: HostErrorDescriber = (error, language) =>
  error instanceof OfficeHostError ? renderOfficeMessage(error.messageKey, language, error.params) : undefined;

function renderBar(error: unknown, language: "de" | "en" = "de"): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider storage={memoryStorage({ "ikz-kit.language": language })}>
        <ErrorBar error={error} describe={describeOffice} />
      </LanguageProvider>
    </FluentProvider>,
  );
}

const modalDialog = (): OfficeHostError =>
  toOfficeHostError(
    new FakeOfficeError("WriteNotSupportedWhenModalDialogOpen", "A modal dialog is open.", "Range.format.fill.color"),
  );

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, "clipboard");
});

describe("ErrorBar", () => {
  it("explains an Office code in German and shows code and detail in a labelled read-only line", () => {
    renderBar(modalDialog());
    expect(screen.getByText(/In Excel ist gerade ein Dialogfenster geöffnet/)).toBeTruthy();
    const line = screen.getByRole<HTMLInputElement>("textbox", { name: "Angaben für den Support" });
    expect(line.readOnly).toBe(true);
    expect(line.value).toBe(
      "WriteNotSupportedWhenModalDialogOpen · A modal dialog is open. (at Range.format.fill.color)",
    );
    expect(screen.queryByText(/Konsole/)).toBeNull();
  });

  it("speaks English on request", () => {
    renderBar(modalDialog(), "en");
    expect(screen.getByText(/A dialog box is open in Excel/)).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Details for support" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy" })).toBeTruthy();
  });

  it("copies the line with the Clipboard API, reachable by keyboard", async () => {
    const user = userEvent.setup(); // before the stub: user-event installs a clipboard of its own
    const writeText = vi.fn((_: string) => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderBar(toOfficeHostError(new TypeError("x is undefined")));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Angaben für den Support" }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kopieren" }));
    await user.keyboard("{Enter}");
    expect(writeText).toHaveBeenCalledWith("Internal · TypeError: x is undefined");
    expect((await screen.findByRole("status")).textContent).toBe("Kopiert.");
  });

  it("falls back to the selected line and execCommand where the Clipboard API is refused", async () => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      configurable: true,
    });
    const execCommand = vi.fn((_: string) => false);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    renderBar(new Error("boom"));
    await userEvent.click(screen.getByRole("button", { name: "Kopieren" }));
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect((await screen.findByRole("status")).textContent).toMatch(/Kopieren ging nicht – die Zeile ist markiert/);
    const line = screen.getByRole<HTMLInputElement>("textbox", { name: "Angaben für den Support" });
    expect(document.activeElement).toBe(line);
    expect([line.selectionStart, line.selectionEnd]).toEqual([0, "Error · boom".length]);
  });

  it("shows no support line where the sentence says everything (sheets exist)", () => {
    renderBar(new SheetExistsError(["Aufgaben"]));
    expect(screen.getByText(/Diese Blätter gibt es schon/)).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});
