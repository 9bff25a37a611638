/**
 * What a page reads from the API while a selection holds: fetched when the path changes, and the
 * request in flight cancelled (AbortController) when the selection moves on, so a slow answer
 * for the old selection never overwrites the new one.
 */
import { useEffect, useState } from "react";
import { api } from "../api.ts";

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
}

/** GET `path` (null: nothing to read yet). */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined });
  useEffect(() => {
    setState({ data: undefined, error: undefined });
    if (path === null) return;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ data, error: undefined }),
      (e: Error) => {
        if (!controller.signal.aborted) setState({ data: undefined, error: e.message });
      },
    );
    return () => controller.abort();
  }, [path]);
  return state;
}
