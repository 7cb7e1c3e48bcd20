import { useEffect, useState } from "react";
import { devApi } from "#src/contracts/api/dev.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";

/**
 * Whether this Poort keeps a local outbox: only in the embedded mode, where no real mail or
 * SMS leaves the machine. The server answers 404 there otherwise, so the link only shows
 * where it leads somewhere.
 */
export function useDevOutboxAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch(pathOf(devApi.outboxSms), { method: "HEAD", signal: controller.signal }).then(
      (response) => setAvailable(response.ok),
      () => setAvailable(false),
    );
    return () => controller.abort();
  }, []);
  return available;
}
