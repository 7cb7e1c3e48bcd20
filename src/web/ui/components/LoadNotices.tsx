import { errorMessage } from "../api/api-client.ts";
import { Alert } from "./Alert.tsx";
import { Paragraph } from "./Paragraph.tsx";

/**
 * Loading, or the failure to load, above a list or page, in the area's own words; the failure
 * says the server's message where it gave one.
 */
export function LoadNotices({
  loading,
  error,
  loadingText,
  errorText,
}: {
  loading: boolean;
  error: unknown;
  loadingText: string;
  /** Said when the failure brought no message of its own. */
  errorText: string;
}) {
  return (
    <>
      {loading && <Paragraph role="status">{loadingText}</Paragraph>}
      {error !== undefined && <Alert type="error">{errorMessage(error, errorText)}</Alert>}
    </>
  );
}
