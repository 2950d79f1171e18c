// Loads data for a screen, ignoring responses that arrive after a newer load started.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { toAppError, type AppError } from "../api";

export interface Loaded<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: AppError; loading: boolean }>({
    loading: true,
  });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current().then(
      (data) => {
        if (n === seq.current) setState({ data, loading: false });
      },
      (e: unknown) => {
        if (n === seq.current) setState({ error: toAppError(e), loading: false });
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    run();
    return () => {
      seq.current++;
    };
  }, [run]);

  return { data: state.data, error: state.error, loading: state.loading, reload: run };
}
