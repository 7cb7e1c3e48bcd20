import { areas } from "../ui/areas.ts";
import { startApp } from "../ui/start-app.tsx";
import { portalRoutes } from "./routes.tsx";

startApp({ basename: areas.portal.basename, app: "portal", routes: portalRoutes });
