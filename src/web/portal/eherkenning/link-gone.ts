import { ApiError } from "#src/web/ui/api/api-client.ts";

/**
 * The answer for an eHerkenning login to link, or a mailed link to approve, that expired, was
 * used already, or never existed (a token that is no token of ours is refused as invalid).
 */
export function isGone(error: unknown): boolean {
  return error instanceof ApiError && [400, 404, 410].includes(error.status);
}
