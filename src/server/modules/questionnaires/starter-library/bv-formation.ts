import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { choice, group, option, question, t, when } from "./build.ts";

/**
 * "Oprichting BV": what the notary needs for the deed of incorporation and the articles of
 * association (statuten) of a private limited company, and for its registration with the KvK.
 */
export const bvFormation: QuestionnaireDefinition = {
  title: t("Oprichting BV", "BV formation"),
  description: t(
    "Met deze vragenlijst bereiden wij de akte van oprichting en de statuten van uw bv voor. Als wij uw antwoorden hebben, sturen wij u een concept om te controleren. Overleg bij twijfel ook met uw accountant of fiscalist.",
    "We use this questionnaire to prepare the deed of incorporation and the articles of association of your BV (private limited company). Once we have your answers, we will send you a draft to check. If in doubt, please also consult your accountant or tax adviser.",
  ),
  pages: [
    {
      id: "company_page",
      title: t("De vennootschap", "The company"),
      items: [
        question(
          "company_name",
          "text",
          t("Welke naam wilt u voor de bv?", "What name would you like for the BV?"),
          {
            help: t(
              "Wij zetten 'B.V.' achter de naam; dat hoeft u niet te typen. Kijk in het Handelsregister op kvk.nl of er al een bedrijf is met dezelfde of een vergelijkbare naam. Dat kan later problemen geven.",
              "We add 'B.V.' to the name, so you don't need to type it. Check the Business Register at kvk.nl for a company with the same or a similar name, as that could cause problems later.",
            ),
          },
        ),
        question(
          "alternative_name",
          "text",
          t(
            "Andere naam, voor als de eerste naam niet kan",
            "Alternative name, in case the first name cannot be used",
          ),
          { required: false },
        ),
        question(
          "registered_office",
          "text",
          t("Statutaire zetel (gemeente)", "Registered office (municipality)"),
          {
            help: t(
              "De gemeente die in de statuten komt te staan. Dat moet een gemeente in Nederland zijn. Het bedrijf mag ook in een andere gemeente gevestigd zijn.",
              "The municipality named in the articles of association. It must be a municipality in the Netherlands. The business itself may be located in another municipality.",
            ),
          },
        ),
        question("business_address", "postcode", t("Vestigingsadres", "Business address"), {
          required: false,
          help: t(
            "Het adres waarop de bv bij de KvK wordt ingeschreven. Staat dat nog niet vast? Laat het veld dan leeg.",
            "The address at which the BV will be registered with the Chamber of Commerce (KvK). Not decided yet? Then leave this blank.",
          ),
        }),
        question(
          "business_activities",
          "longText",
          t("Wat gaat de bv doen?", "What will the BV do?"),
          {
            help: t(
              "Beschrijf de activiteiten in een paar zinnen. Wij maken daar de doelomschrijving in de statuten van. Die mag ruim zijn, zodat de bv later ook andere dingen mag gaan doen.",
              "Describe the activities in a few sentences. We use this to write the objects clause in the articles of association. It may be broad, so that the BV can take on other activities later.",
            ),
          },
        ),
        question(
          "formation_date",
          "date",
          t("Wanneer wilt u de bv oprichten?", "When would you like to incorporate the BV?"),
          {
            required: false,
            help: t(
              "De bv bestaat vanaf het moment dat de akte van oprichting is getekend.",
              "The BV exists from the moment the deed of incorporation is signed.",
            ),
          },
        ),
        question(
          "takes_over_business",
          "yesNo",
          t(
            "Neemt de bv een bestaand bedrijf over, zoals een eenmanszaak of vof?",
            "Will the BV take over an existing business, such as a sole proprietorship or general partnership (vof)?",
          ),
          {
            help: t(
              "Bijvoorbeeld als u nu als zzp'er werkt en verder wilt gaan in een bv. Dit heeft gevolgen voor de belasting. Bespreek het ook met uw adviseur.",
              "For example if you now work as a self-employed professional and want to continue in a BV. This has tax consequences, so please also discuss it with your adviser.",
            ),
          },
        ),
        question(
          "existing_business_kvk",
          "text",
          t(
            "KvK-nummer van het bestaande bedrijf",
            "Chamber of Commerce (KvK) number of the existing business",
          ),
          {
            condition: when("takes_over_business", true),
            help: t(
              "Het nummer van 8 cijfers op het uittreksel uit het Handelsregister.",
              "The 8-digit number on the extract from the Business Register.",
            ),
          },
        ),
      ],
    },
    {
      id: "capital_page",
      title: t("Kapitaal en aandeelhouders", "Capital and shareholders"),
      items: [
        question(
          "share_capital",
          "amount",
          t(
            "Met hoeveel kapitaal richt u de bv op?",
            "How much capital will the BV be incorporated with?",
          ),
          {
            help: t(
              "Een bv hoeft geen minimumkapitaal te hebben. Ook een klein bedrag, zoals € 1 of € 100, is toegestaan. Uw accountant kan met u bespreken wat handig is.",
              "A BV does not need a minimum capital. A small amount, such as €1 or €100, is allowed. Your accountant can discuss with you what makes sense.",
            ),
          },
        ),
        question(
          "share_classes",
          "yesNo",
          t(
            "Wilt u verschillende soorten aandelen?",
            "Would you like different classes of shares?",
          ),
          {
            required: false,
            help: t(
              "Bijvoorbeeld aandelen zonder stemrecht of zonder recht op winst. Voor de meeste bv's is dat niet nodig.",
              "For example shares without voting rights or without a right to profits. Most BVs don't need this.",
            ),
          },
        ),
        group(
          "founders",
          {
            label: t("Oprichters en aandeelhouders", "Founders and shareholders"),
            itemLabel: t("Oprichter", "Founder"),
            minItems: 1,
            maxItems: 10,
          },
          [
            choice(
              "founder_type",
              "singleChoice",
              t(
                "Is deze oprichter een persoon of een bedrijf?",
                "Is this founder a person or a company?",
              ),
              [
                option("natural_person", "Een persoon", "A person"),
                option(
                  "company",
                  "Een bedrijf, bijvoorbeeld een holding",
                  "A company, for example a holding company",
                ),
              ],
            ),
            question("founder_name", "text", t("Naam", "Name"), {
              help: t(
                "Bij een persoon: alle voornamen en de achternaam, zoals in het paspoort of op de identiteitskaart. Bij een bedrijf: de naam zoals in het Handelsregister.",
                "For a person: all first names and the surname, as in the passport or identity card. For a company: the name as in the Business Register.",
              ),
            }),
            question(
              "founder_bsn",
              "bsn",
              t("Burgerservicenummer (BSN)", "Citizen service number (BSN)"),
              {
                condition: when("founder_type", "natural_person"),
                help: t(
                  "Het BSN staat in een Nederlands paspoort, op de identiteitskaart en op het rijbewijs. De notaris heeft het nodig voor de inschrijving van de bestuurders en aandeelhouders bij de KvK.",
                  "The BSN is shown in a Dutch passport, on the identity card and on the driving licence. The notary needs it to register the directors and shareholders with the Chamber of Commerce.",
                ),
              },
            ),
            question("founder_birth_date", "date", t("Geboortedatum", "Date of birth"), {
              condition: when("founder_type", "natural_person"),
            }),
            question("founder_kvk", "text", t("KvK-nummer", "Chamber of Commerce (KvK) number"), {
              condition: when("founder_type", "company"),
              help: t(
                "Het nummer van 8 cijfers op het uittreksel uit het Handelsregister.",
                "The 8-digit number on the extract from the Business Register.",
              ),
            }),
            question(
              "founder_representative",
              "text",
              t("Wie tekent namens dit bedrijf?", "Who will sign on behalf of this company?"),
              { condition: when("founder_type", "company") },
            ),
            question("founder_email", "email", t("E-mailadres", "Email address")),
            question(
              "founder_shares",
              "number",
              t(
                "Hoeveel aandelen krijgt deze oprichter?",
                "How many shares will this founder receive?",
              ),
              {
                help: t(
                  "Een heel getal. Bijvoorbeeld: bij 100 aandelen en twee oprichters die ieder de helft krijgen, vult u bij allebei 50 in.",
                  "A whole number. For example: with 100 shares and two founders who each get half, enter 50 for both.",
                ),
              },
            ),
            question(
              "founder_director",
              "yesNo",
              t("Wordt deze oprichter ook bestuurder?", "Will this founder also be a director?"),
              {
                help: t(
                  "De bestuurder leidt de bv en mag namens de bv tekenen. Ook een bedrijf, zoals een holding, kan bestuurder zijn.",
                  "The director runs the BV and may sign on its behalf. A company, such as a holding company, can also be a director.",
                ),
              },
            ),
            question(
              "founder_id_copy",
              "file",
              t(
                "Kopie van een geldig paspoort of identiteitskaart",
                "Copy of a valid passport or identity card",
              ),
              {
                help: t(
                  "Bij een bedrijf: van degene die namens het bedrijf tekent. Maak een duidelijke foto of scan van de voorkant en de achterkant. U mag uw BSN op de kopie onleesbaar maken. Neem het echte document mee naar de afspraak.",
                  "For a company: of the person signing on its behalf. Take a clear photo or scan of the front and back. You may black out your BSN on the copy. Please bring the original document to the appointment.",
                ),
              },
            ),
          ],
        ),
        question(
          "shareholders_agreement",
          "yesNo",
          t(
            "Wilt u ook een aandeelhoudersovereenkomst?",
            "Would you also like a shareholders' agreement?",
          ),
          {
            required: false,
            help: t(
              "Alleen van belang als de bv meer dan één aandeelhouder heeft. Hierin legt u afspraken vast die niet in de statuten staan, bijvoorbeeld wat er gebeurt als een aandeelhouder wil stoppen.",
              "Only relevant if the BV has more than one shareholder. It records arrangements that are not in the articles, for example what happens if a shareholder wants to leave.",
            ),
          },
        ),
      ],
    },
    {
      id: "management_page",
      title: t("Bestuur en boekjaar", "Management and financial year"),
      items: [
        choice(
          "board_structure",
          "singleChoice",
          t(
            "Hoe wilt u het bestuur regelen?",
            "How would you like to set up the management board?",
          ),
          [
            option("single_director", "Eén bestuurder", "One director"),
            option(
              "several_individually",
              "Meer bestuurders, die ieder alleen namens de bv mogen tekenen",
              "Several directors, each of whom may sign on behalf of the BV alone",
            ),
            option(
              "several_jointly",
              "Meer bestuurders, die alleen samen namens de bv mogen tekenen",
              "Several directors, who may only sign on behalf of the BV together",
            ),
            option(
              "advice",
              "Weet ik nog niet, ik wil advies",
              "I don't know yet, I would like advice",
            ),
          ],
          {
            help: t(
              "Dit bepaalt wie namens de bv mag tekenen, bijvoorbeeld voor contracten en bij de bank.",
              "This determines who may sign on behalf of the BV, for example for contracts and at the bank.",
            ),
          },
        ),
        question(
          "supervisory_board",
          "yesNo",
          t("Wilt u een raad van commissarissen?", "Would you like a supervisory board?"),
          {
            required: false,
            help: t(
              "Een raad van commissarissen houdt toezicht op het bestuur. Voor de meeste kleine bv's is dat niet nodig.",
              "A supervisory board oversees the management board. Most small BVs don't need one.",
            ),
          },
        ),
        choice(
          "financial_year",
          "singleChoice",
          t("Welk boekjaar wilt u?", "Which financial year would you like?"),
          [
            option(
              "calendar_year",
              "Gelijk aan het kalenderjaar (1 januari tot en met 31 december)",
              "The calendar year (1 January to 31 December)",
            ),
            option("other", "Een andere periode", "Another period"),
          ],
        ),
        question("financial_year_other", "text", t("Welke periode?", "Which period?"), {
          condition: when("financial_year", "other"),
          help: t(
            "Bijvoorbeeld: van 1 juli tot en met 30 juni.",
            "For example: from 1 July to 30 June.",
          ),
        }),
        question(
          "extended_first_year",
          "yesNo",
          t(
            "Wilt u een verlengd eerste boekjaar?",
            "Would you like an extended first financial year?",
          ),
          {
            required: false,
            help: t(
              "Richt u de bv later in het jaar op? Dan kan het eerste boekjaar langer duren dan twaalf maanden. Zo hoeft u niet voor een paar maanden een aparte jaarrekening te maken. Vraag uw accountant wat handig is.",
              "Incorporating the BV later in the year? Then the first financial year can last longer than twelve months, so you don't need separate annual accounts for just a few months. Ask your accountant what makes sense.",
            ),
          },
        ),
        question(
          "first_year_end",
          "date",
          t(
            "Op welke datum eindigt het eerste boekjaar?",
            "On what date does the first financial year end?",
          ),
          { condition: when("extended_first_year", true) },
        ),
      ],
    },
    {
      id: "final_page",
      title: t("Holding en afronding", "Holding company and final details"),
      items: [
        question(
          "holding_structure",
          "yesNo",
          t("Wilt u een holdingstructuur?", "Would you like a holding structure?"),
          {
            help: t(
              "Bij een holdingstructuur houdt u de aandelen niet zelf, maar via uw eigen bv: de holding. Dat kan voordelen hebben, bijvoorbeeld voor de belasting als de bv winst uitkeert of als u het bedrijf later verkoopt. Bespreek dit met uw accountant of fiscalist.",
              "With a holding structure, you don't hold the shares yourself but through your own BV: the holding company. This can have advantages, for example for tax when the BV pays out profits or when you sell the business later. Please discuss this with your accountant or tax adviser.",
            ),
          },
        ),
        question(
          "holding_to_be_formed",
          "yesNo",
          t(
            "Moet de holding ook nog worden opgericht?",
            "Does the holding company still need to be incorporated?",
          ),
          {
            condition: when("holding_structure", true),
            help: t(
              "Wij kunnen de holding en de bv op dezelfde dag oprichten. Dan vragen wij u om de gegevens van de holding apart.",
              "We can incorporate the holding company and the BV on the same day. We will then ask you for the holding company's details separately.",
            ),
          },
        ),
        question(
          "holding_details",
          "longText",
          t("Hoe ziet de structuur eruit?", "What does the structure look like?"),
          {
            required: false,
            condition: when("holding_structure", true),
            help: t(
              "Bijvoorbeeld: 'Mijn holding krijgt alle aandelen in de nieuwe bv.' Uw adviseur kan ook een schema sturen.",
              "For example: 'My holding company will hold all the shares in the new BV.' Your adviser may also send us a diagram.",
            ),
          },
        ),
        question(
          "adviser",
          "text",
          t(
            "Naam en e-mailadres van uw accountant of adviseur, als u die hebt",
            "Name and email address of your accountant or adviser, if you have one",
          ),
          {
            required: false,
            help: t(
              "Dan kunnen wij het concept ook naar uw adviseur sturen.",
              "We can then also send the draft to your adviser.",
            ),
          },
        ),
        question(
          "contact_phone",
          "phone",
          t(
            "Op welk telefoonnummer kunnen wij u bereiken?",
            "On which phone number can we reach you?",
          ),
        ),
        question(
          "questions_for_notary",
          "longText",
          t(
            "Hebt u nog vragen of opmerkingen voor de notaris?",
            "Do you have any questions or comments for the notary?",
          ),
          { required: false },
        ),
      ],
    },
  ],
};
