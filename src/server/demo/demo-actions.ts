import { staffActorOf } from "../modules/accounts/request-actors.ts";
import { sendActions } from "../modules/actions/office-actions.ts";
import { searchDossiers } from "../modules/dossiers/service.ts";
import {
  copyQuestionnaireTemplate,
  listQuestionnaireTemplates,
} from "../modules/questionnaires/templates.ts";
import type { Clock } from "../platform/clock.ts";
import type { Database } from "../platform/db/database.ts";
import { demoAccount, demoClient } from "./demo-dossiers.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Acties (ADR 0014): De Vries & Partners copied the starter library's property transfer and
 * will, and sent Sanne de Boer the property transfer for Zijlweg 40 (due in two weeks), and
 * Bakkerij Bol B.V. a request for the papers of its change of articles. Jan Jansen has none, so
 * the walk through a new action starts from an empty list.
 */
export async function seedDemoActions(db: Database, clock: Clock): Promise<void> {
  const deps = { db, clock };
  const sara = staffActorOf(await demoAccount(db, "staff", "sara@devriespartners.nl"));
  const library = await listQuestionnaireTemplates(db, sara, {});
  const copyOf = async (key: string) => {
    const source = library.find((template) => template.libraryKey === key);
    if (!source) throw new Error(`the starter library has no ${key}`);
    return copyQuestionnaireTemplate(deps, sara, source.id);
  };
  const transfer = await copyOf("property-transfer");
  await copyOf("will-intake");

  const dossierId = async (number: string) => {
    const { dossiers } = await searchDossiers(deps, sara, { q: number, page: 1, pageSize: 1 });
    const [found] = dossiers;
    if (!found || found.number !== number) throw new Error(`demo dossier ${number} is missing`);
    return found.id;
  };
  const inTwoWeeks = new Date(clock.now().getTime() + 14 * DAY_MS).toISOString().slice(0, 10);
  const sanne = await demoClient(db, "sanne.deboer@example.nl", sara.officeId);
  await sendActions(deps, sara, await dossierId("2026.0219"), {
    kind: "questionnaire",
    templateId: transfer.id,
    clientIds: [sanne.clientId],
    dueDate: inTwoWeeks,
    instruction:
      "Wilt u deze vragenlijst invullen vóór ons eerste gesprek? Dan kunnen wij de akte alvast voorbereiden.",
  });
  const bol = await demoClient(db, "anna@bakkerijbol.nl", sara.officeId);
  await sendActions(deps, sara, await dossierId("2026.0203"), {
    kind: "upload-request",
    title: "Stukken voor de statutenwijziging",
    items: [
      {
        label: "Uittreksel uit het Handelsregister",
        description: "Niet ouder dan een maand.",
        required: true,
      },
      { label: "Kopie identiteitsbewijs van de bestuurder", required: true },
      { label: "Notulen van de aandeelhoudersvergadering", required: false },
    ],
    clientIds: [bol.clientId],
    dueDate: inTwoWeeks,
  });
}
