import { useCallback, useRef, useState } from "react";
import type { SheetConflict } from "../actions/findSheetConflicts.js";

export interface ReplaceConfirmation {
  /** The conflict being asked about (the dialog is open while set). */
  readonly conflict: SheetConflict | undefined;
  /** Resolves true when the user chose "replace", false on cancel, Escape or closing. */
  readonly ask: (conflict: SheetConflict) => Promise<boolean>;
  readonly answer: (replace: boolean) => void;
}

/** State of the "Blätter ersetzen?" dialog as a promise the action can await. */
export function useReplaceConfirmation(): ReplaceConfirmation {
  const [conflict, setConflict] = useState<SheetConflict | undefined>(undefined);
  const pending = useRef<((replace: boolean) => void) | undefined>(undefined);
  const ask = useCallback(
    (next: SheetConflict) =>
      new Promise<boolean>((resolve) => {
        pending.current = resolve;
        setConflict(next);
      }),
    [],
  );
  const answer = useCallback((replace: boolean) => {
    const resolve = pending.current;
    pending.current = undefined;
    setConflict(undefined);
    resolve?.(replace);
  }, []);
  return { conflict, ask, answer };
}
