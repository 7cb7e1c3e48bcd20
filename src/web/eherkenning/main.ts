import { areas } from "../ui/areas.ts";
import { startApp } from "../ui/start-app.tsx";
import { eherkenningRoutes } from "./routes.tsx";

startApp({ basename: areas.eherkenning.basename, app: "eherkenning", routes: eherkenningRoutes });
