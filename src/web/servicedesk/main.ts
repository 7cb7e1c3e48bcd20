import { areas } from "../ui/areas.ts";
import { startApp } from "../ui/start-app.tsx";
import { servicedeskRoutes } from "./routes.tsx";

startApp({ basename: areas.servicedesk.basename, app: "servicedesk", routes: servicedeskRoutes });
