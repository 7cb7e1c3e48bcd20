import { areas } from "../ui/areas.ts";
import { startApp } from "../ui/start-app.tsx";
import { officeRoutes } from "./routes.tsx";

startApp({ basename: areas.office.basename, app: "office", routes: officeRoutes });
