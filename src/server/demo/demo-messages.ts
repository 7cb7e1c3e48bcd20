import { staffActorOf } from "../modules/accounts/request-actors.ts";
import { documentsDeps } from "../modules/documents/deps.ts";
import { searchDossiers } from "../modules/dossiers/service.ts";
import { sendClientMessage } from "../modules/messages/client-messages.ts";
import { sendOfficeMessage } from "../modules/messages/office-messages.ts";
import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";
import { demoAccount, demoClient } from "./demo-dossiers.ts";

/**
 * A few messages (ADR 0012): Jan Jansen asked about his property transfer and has an answer he
 * has not read yet, and Bakkerij Bol B.V. (Anna Bol) wrote to the office, unread in the inbox
 * of De Vries & Partners. Sent through the same services as the portal and the back office.
 */
export async function seedDemoMessages(db: Database, services: Services): Promise<void> {
  const deps = { ...documentsDeps(services), db };
  const tom = staffActorOf(await demoAccount(db, "staff", "tom@devriespartners.nl"));
  const jan = await demoClient(db, "jan.jansen@example.nl", tom.officeId);
  const anna = await demoClient(db, "anna@bakkerijbol.nl", tom.officeId);
  const dossierId = async (number: string) => {
    const { dossiers } = await searchDossiers(deps, tom, { q: number, page: 1, pageSize: 1 });
    const [found] = dossiers;
    if (!found || found.number !== number) throw new Error(`demo dossier ${number} is missing`);
    return found.id;
  };

  const question = await sendClientMessage(
    deps,
    jan,
    { dossierId: await dossierId("2026.0142") },
    {
      subject: "Vraag over de sleuteloverdracht",
      body: "Goedemiddag,\n\nKrijg ik de sleutels van Kade 12 bij de notaris of van de verkoper?\n\nMet vriendelijke groet,\nJan Jansen",
      attachmentIds: [],
    },
  );
  await sendOfficeMessage(
    deps,
    tom,
    { replyToMessageId: question.id },
    {
      subject: "Re: Vraag over de sleuteloverdracht",
      body: "Beste heer Jansen,\n\nDe verkoper geeft u de sleutels direct na de ondertekening van de akte van levering, bij ons op kantoor.\n\nMet vriendelijke groet,\nTom Bakker",
      attachmentIds: [],
    },
  );
  await sendClientMessage(
    deps,
    anna,
    { dossierId: await dossierId("2026.0203") },
    {
      subject: "Opmerkingen bij de conceptstatuten",
      body: "Beste heer Bakker,\n\nWij hebben de conceptstatuten gelezen. Kunnen we artikel 4 over de blokkeringsregeling nog bespreken?\n\nMet vriendelijke groet,\nAnna Bol",
      attachmentIds: [],
    },
  );
}
