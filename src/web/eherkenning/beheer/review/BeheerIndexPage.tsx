import { Navigate } from "react-router";
import { useSession } from "#src/web/ui/api/session.tsx";
import { beheerPaths } from "../paths.ts";

/**
 * The back office's first page follows the role: reviewers and admins start at the queue of
 * applications, a partner agent at their identifications.
 */
export function BeheerIndexPage() {
  const role = useSession().session?.account?.role;
  return (
    <Navigate
      to={role === "partner-agent" ? beheerPaths.identifications : beheerPaths.applications}
      replace
    />
  );
}
