import type { RouteObject } from "react-router";
import { accountRoutes } from "../ui/account/account-routes.tsx";
import { MyDetailsPage } from "../ui/account/my-details/MyDetailsPage.tsx";
import { paths } from "../ui/account/paths.ts";
import { ActionPage } from "./actions/ActionPage.tsx";
import { AuditLogPage } from "./audit-log/AuditLogPage.tsx";
import { IntegrationsPage } from "./integrations/IntegrationsPage.tsx";
import { InboxPage } from "./messages/InboxPage.tsx";
import { MessagePage } from "./messages/MessagePage.tsx";
import { OfficeMenu } from "./OfficeMenu.tsx";
import { ClientsPage } from "./pages/ClientsPage.tsx";
import { DossierPage } from "./pages/DossierPage.tsx";
import { DossiersPage } from "./pages/DossiersPage.tsx";
import { NewDossierPage } from "./pages/NewDossierPage.tsx";
import { OfficeHomePage } from "./pages/OfficeHomePage.tsx";
import { SettingsPage } from "./pages/SettingsPage.tsx";
import { StaffPage } from "./pages/StaffPage.tsx";
import { NewQuestionnairePage, QuestionnairePage } from "./questionnaires/QuestionnairePage.tsx";
import { QuestionnairesPage } from "./questionnaires/QuestionnairesPage.tsx";

/** The back office of one notary's office: its dossiers, its clients and, for admins, its staff. */
export const officeRoutes: RouteObject[] = accountRoutes({
  area: "office",
  homePath: paths.home,
  menu: <OfficeMenu />,
  loggedIn: [
    { index: true, element: <OfficeHomePage /> },
    { path: "dossiers", element: <DossiersPage /> },
    { path: "dossiers/new", element: <NewDossierPage /> },
    { path: "dossiers/:dossierId", element: <DossierPage /> },
    { path: "messages", element: <InboxPage /> },
    { path: "messages/:messageId", element: <MessagePage /> },
    { path: "actions/:actionId", element: <ActionPage /> },
    { path: "questionnaires", element: <QuestionnairesPage /> },
    { path: "questionnaires/new", element: <NewQuestionnairePage /> },
    { path: "questionnaires/:templateId", element: <QuestionnairePage /> },
    { path: "clients", element: <ClientsPage /> },
    { path: "staff", element: <StaffPage /> },
    { path: "settings", element: <SettingsPage /> },
    { path: "integrations", element: <IntegrationsPage /> },
    { path: "auditlog", element: <AuditLogPage /> },
    { path: "mijn-gegevens", element: <MyDetailsPage /> },
  ],
});
