import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { Endpoint, ResponseOutput } from "#src/contracts/api/endpoint.ts";
import { apiRequest } from "./api-client.ts";
import { buildPath, type OptionalWhenEmpty, type PathParts } from "./endpoint-path.ts";

export interface ApiData<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** An endpoint that reads JSON. */
type ReadEndpoint = Endpoint & { method: "GET"; response: z.ZodType };

/**
 * A GET answer checked against its contract, fetched on mount, whenever the address changes,
 * and on `reload`.
 */
export function useApiData<E extends ReadEndpoint>(
  endpoint: E,
  ...[parts]: OptionalWhenEmpty<PathParts<E>>
): ApiData<ResponseOutput<E>> {
  const [state, setState] = useState<{
    data?: ResponseOutput<E>;
    error?: unknown;
    loading: boolean;
  }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  // The address as a string: the parts are a new object on every render, the address is not.
  const path = buildPath(endpoint, parts);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation exists to restart this effect
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    apiRequest("GET", path, { signal: controller.signal }).then(
      (answer) =>
        setState({ data: endpoint.response.parse(answer) as ResponseOutput<E>, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [endpoint, path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
