import { startApp } from "../ui/start-app.tsx";
import { StartPage } from "./StartPage.tsx";

startApp({ basename: "/", routes: [{ index: true, element: <StartPage /> }] });
