import { startAreaApp } from "../ui/start-app.tsx";

startAreaApp("portal");
