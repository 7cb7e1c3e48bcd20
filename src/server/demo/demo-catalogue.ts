import type { CreateService } from "#src/contracts/eherkenning/catalogue.ts";
import { catalogueDeps } from "../modules/service-catalogue/deps.ts";
import { registerOfficePortalServices } from "../modules/service-catalogue/office-portal-services.ts";
import { createProvider } from "../modules/service-catalogue/provider-admin.ts";
import { addService } from "../modules/service-catalogue/service-admin.ts";
import type { Database } from "../platform/db/database.ts";
import type { Services } from "../services.ts";

/** Fictitious providers with realistic services, so the overview and step 1 have choices. */
const demoProviders: {
  oin: string;
  name: string;
  websiteUrl: string;
  services: Omit<CreateService, "descriptionNl" | "descriptionEn">[];
}[] = [
  {
    oin: "00000001823456789000",
    name: "Gemeente Voorbeeldstad",
    websiteUrl: "https://www.voorbeeldstad.example",
    services: [
      {
        serviceIndex: 1,
        nameNl: "Omgevingsvergunning aanvragen",
        nameEn: "Apply for an environmental permit",
        level: "EH3",
      },
      {
        serviceIndex: 2,
        nameNl: "Parkeervergunning bedrijven",
        nameEn: "Business parking permit",
        level: "EH2+",
      },
    ],
  },
  {
    oin: "00000001834567891000",
    name: "Rijksdienst voor Voorbeeldbelastingen",
    websiteUrl: "https://www.voorbeeldbelastingen.example",
    services: [
      {
        serviceIndex: 10,
        nameNl: "Omzetbelasting aangifte",
        nameEn: "VAT return",
        level: "EH3",
      },
      {
        serviceIndex: 11,
        nameNl: "Loonheffingen inzien",
        nameEn: "View payroll taxes",
        level: "EH3",
      },
    ],
  },
  {
    oin: "00000001845678912000",
    name: "Pensioenfonds Voorbeeldsector",
    websiteUrl: "https://www.pensioenfonds-voorbeeldsector.example",
    services: [
      {
        serviceIndex: 1,
        nameNl: "Werkgeversportaal: pensioenaangifte",
        nameEn: "Employer portal: pension return",
        level: "EH4",
      },
    ],
  },
];

/**
 * The eHerkenning catalogue of the demo: the demo offices' client portals (as at a start, since
 * the offices were made after it) and three other providers.
 */
export async function seedDemoCatalogue(db: Database, services: Services): Promise<void> {
  const deps = { ...catalogueDeps(services), db };
  await registerOfficePortalServices(deps);
  const actor = { type: "operator" as const };
  for (const { services: offered, ...provider } of demoProviders) {
    const created = await createProvider(deps, provider, actor);
    for (const service of offered) {
      await addService(
        deps,
        created.id,
        { ...service, descriptionNl: "", descriptionEn: "" },
        actor,
      );
    }
  }
}
