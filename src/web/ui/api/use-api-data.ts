import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { apiRequest } from "./api-client.ts";

export interface ApiData<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** A GET answer checked against its contract, fetched on mount and on `reload`. */
export function useApiData<S extends z.ZodType>(path: string, schema: S): ApiData<z.infer<S>> {
  const [state, setState] = useState<{ data?: z.infer<S>; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation exists to restart this effect
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    apiRequest("GET", path, { signal: controller.signal }).then(
      (answer) => setState({ data: schema.parse(answer), loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [path, schema, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
