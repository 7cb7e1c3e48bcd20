import { selfserviceApi } from "#src/contracts/api/selfservice.ts";
import { useApiData } from "../ui/api/use-api-data.ts";

/** The office certificate this browser presented to the mTLS listener. */
export function usePresentedCertificate() {
  return useApiData(selfserviceApi.certificate);
}
