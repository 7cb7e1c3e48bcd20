import { areas } from "../ui/areas.ts";
import { startApp } from "../ui/start-app.tsx";
import { selfserviceRoutes } from "./routes.tsx";

startApp({ basename: areas.selfservice.basename, app: "selfservice", routes: selfserviceRoutes });
