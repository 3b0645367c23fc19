import { useCallback, useEffect, useRef, useState } from "react";

export interface ActionState {
  readonly busy: boolean;
  /** The error of the last run, until the next run starts. */
  readonly error: unknown;
  /**
   * Runs `work` unless a run is under way; a result arriving after the component unmounted
   * is dropped. Errors are kept in `error`, never thrown to the caller.
   */
  readonly run: (work: () => Promise<void>) => Promise<void>;
  readonly clearError: () => void;
}

/** Busy and error state of one button's action. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      if (mounted.current) setError(caught);
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, run, clearError };
}
