import { startApp } from "../../ui/start-app.tsx";
import { beheerRoutes } from "./routes.tsx";

startApp({ basename: "/eherkenning/beheer", app: "eherkenningBeheer", routes: beheerRoutes });
