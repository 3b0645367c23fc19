/**
 * The pane's language: German unless the user switched, remembered in localStorage, and
 * mirrored into `<html lang>` so screen readers pronounce the texts right.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { uiText, type UiParams, type UiTextKey } from "./messages.js";

export const LANGUAGE_STORAGE_KEY = "ikz-kit.language";

/** The stored language; German when nothing (or nothing valid) is stored or storage is blocked. */
export function readStoredLanguage(storage: Pick<Storage, "getItem"> | undefined): Language {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) === "en" ? "en" : "de";
  } catch {
    return "de"; // storage can throw in locked-down browsers; the pane still works
  }
}

function storeLanguage(storage: Pick<Storage, "setItem"> | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, nothing else lost
  }
}

/** The browser's localStorage, or undefined where reading the property itself throws. */
export function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export interface LanguageState {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** A pane text in the current language. */
  readonly t: (key: UiTextKey, params?: UiParams) => string;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export function LanguageProvider(props: {
  readonly storage: Storage | undefined;
  readonly children: ReactNode;
}): ReactNode {
  const { storage } = props;
  const [language, setLanguageState] = useState<Language>(() => readStoredLanguage(storage));
  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      storeLanguage(storage, next);
    },
    [storage],
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageState>(
    () => ({ language, setLanguage, t: (key, params) => uiText(key, language, params) }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage needs a LanguageProvider");
  return state;
}
