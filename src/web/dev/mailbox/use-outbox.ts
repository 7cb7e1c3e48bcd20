import { useCallback, useEffect, useState } from "react";
import { fetchOutbox, type Outbox } from "./fetch-outbox.ts";

export const refreshIntervalMs = 5000;

export interface OutboxState {
  /** The last answer; kept through a failed refresh so the page does not go blank. */
  outbox?: Outbox;
  loadedAt?: Date;
  failed: boolean;
}

/** The dev outbox, fetched now, every 5 seconds, and whenever `refresh` is called. */
export function useOutbox(): { state: OutboxState; refresh: () => void } {
  const [state, setState] = useState<OutboxState>({ failed: false });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation exists to restart this effect
  useEffect(() => {
    const controller = new AbortController();
    const load = () => {
      fetchOutbox(controller.signal).then(
        (outbox) => setState({ outbox, loadedAt: new Date(), failed: false }),
        () => {
          if (!controller.signal.aborted) setState((previous) => ({ ...previous, failed: true }));
        },
      );
    };
    load();
    // Restarted by a manual refresh, so the next automatic one is a full interval later.
    const timer = setInterval(load, refreshIntervalMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, refresh };
}
