import { startApp } from "#src/web/ui/start-app.tsx";
import { MailboxPage } from "./MailboxPage.tsx";

startApp({
  basename: "/dev/mailbox",
  app: "devMailbox",
  routes: [{ index: true, element: <MailboxPage /> }],
});
