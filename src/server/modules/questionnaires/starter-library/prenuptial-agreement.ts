import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { choice, group, option, question, t, when } from "./build.ts";

/**
 * "Huwelijkse voorwaarden": both partners' details and what they bring in, the wedding, and
 * the arrangement they have in mind, so the first meeting can be about the choice itself.
 */
export const prenuptialAgreement: QuestionnaireDefinition = {
  title: t("Huwelijkse voorwaarden", "Prenuptial agreement"),
  description: t(
    "Met deze vragenlijst bereiden wij uw huwelijkse voorwaarden voor. Vul de vragen samen in: wij hebben de gegevens van u allebei nodig. Gaat u een geregistreerd partnerschap aan? Dan heten ze partnerschapsvoorwaarden. De vragen zijn hetzelfde.",
    "We use this questionnaire to prepare your prenuptial agreement. Please fill it in together: we need the details of both of you. Are you entering into a registered partnership? Then it is called a partnership agreement; the questions are the same.",
  ),
  pages: [
    {
      id: "partners_page",
      title: t("Uw gegevens", "Your details"),
      intro: t(
        "Vul voor u allebei de gegevens in. Gebruik de namen zoals ze in uw paspoort of identiteitskaart staan. Een schatting van uw bezittingen en schulden is genoeg.",
        "Fill in the details for both of you. Use your names exactly as they appear in your passport or identity card. An estimate of your assets and debts is fine.",
      ),
      items: [
        group(
          "partners",
          {
            label: t("Aanstaande partners", "Future spouses or partners"),
            itemLabel: t("Partner", "Partner"),
            minItems: 2,
            maxItems: 2,
          },
          [
            question(
              "partner_name",
              "text",
              t(
                "Volledige naam (alle voornamen en achternaam)",
                "Full name (all first names and surname)",
              ),
            ),
            question("partner_birth_date", "date", t("Geboortedatum", "Date of birth")),
            question("partner_birth_place", "text", t("Geboorteplaats", "Place of birth")),
            question(
              "partner_bsn",
              "bsn",
              t("Burgerservicenummer (BSN)", "Citizen service number (BSN)"),
              {
                help: t(
                  "Het BSN staat in een Nederlands paspoort, op de identiteitskaart en op het rijbewijs. U vindt het ook op uw loonstrook of op MijnOverheid.nl.",
                  "The BSN is shown in a Dutch passport, on the identity card and on the driving licence. You can also find it on your payslip or at MijnOverheid.nl.",
                ),
              },
            ),
            question("partner_nationality", "text", t("Nationaliteit", "Nationality"), {
              help: t(
                "Hebt u niet (alleen) de Nederlandse nationaliteit? Dan kan ook het recht van een ander land gelden. De notaris bespreekt dit met u.",
                "Do you have a nationality other than (or besides) Dutch? Then the law of another country may also apply. The notary will discuss this with you.",
              ),
            }),
            question("partner_email", "email", t("E-mailadres", "Email address")),
            question("partner_phone", "phone", t("Telefoonnummer", "Phone number"), {
              required: false,
            }),
            question(
              "partner_previously_married",
              "yesNo",
              t(
                "Bent u eerder getrouwd geweest of geregistreerd partner geweest?",
                "Have you been married or in a registered partnership before?",
              ),
            ),
            question(
              "partner_assets",
              "amount",
              t(
                "Wat zijn uw bezittingen nu ongeveer waard?",
                "What is the approximate current value of your assets?",
              ),
              {
                help: t(
                  "Tel alles bij elkaar op: spaargeld, beleggingen, een woning, een auto, enzovoort. Hebt u geen bezittingen? Vul dan 0 in.",
                  "Add everything up: savings, investments, a home, a car and so on. If you have no assets, enter 0.",
                ),
              },
            ),
            question(
              "partner_debts",
              "amount",
              t(
                "Hoeveel schulden hebt u nu ongeveer?",
                "Approximately how much debt do you have now?",
              ),
              {
                help: t(
                  "Bijvoorbeeld een hypotheek, een studieschuld of een persoonlijke lening. Hebt u geen schulden? Vul dan 0 in.",
                  "For example a mortgage, a student loan or a personal loan. If you have no debts, enter 0.",
                ),
              },
            ),
            question(
              "partner_business_owner",
              "yesNo",
              t("Hebt u een eigen bedrijf?", "Do you own a business?"),
              {
                help: t(
                  "Ook als u zzp'er bent of (mede-)eigenaar van een bv. Voor ondernemers zijn goede huwelijkse voorwaarden extra belangrijk.",
                  "Also if you are self-employed or (co-)owner of a private limited company (bv). A sound prenuptial agreement matters even more for business owners.",
                ),
              },
            ),
            question("partner_company_name", "text", t("Naam van het bedrijf", "Company name"), {
              condition: when("partner_business_owner", true),
            }),
            question(
              "partner_company_kvk",
              "text",
              t("KvK-nummer van het bedrijf", "Chamber of Commerce (KvK) number of the company"),
              {
                required: false,
                condition: when("partner_business_owner", true),
                help: t(
                  "Het nummer van 8 cijfers waarmee het bedrijf bij de Kamer van Koophandel is ingeschreven. U vindt het op het uittreksel of op kvk.nl.",
                  "The 8-digit number under which the company is registered with the Chamber of Commerce. You will find it on the register extract or at kvk.nl.",
                ),
              },
            ),
          ],
        ),
      ],
    },
    {
      id: "wedding_page",
      title: t("Het huwelijk", "The wedding"),
      items: [
        choice(
          "union_type",
          "singleChoice",
          t(
            "Gaat u trouwen of een geregistreerd partnerschap aangaan?",
            "Are you getting married or entering into a registered partnership?",
          ),
          [
            option("marriage", "Trouwen", "Getting married"),
            option(
              "registered_partnership",
              "Geregistreerd partnerschap",
              "Registered partnership",
            ),
          ],
        ),
        question(
          "wedding_date",
          "date",
          t(
            "Op welke datum wilt u trouwen of uw partnerschap laten registreren?",
            "On what date do you plan to marry or register your partnership?",
          ),
          {
            help: t(
              "De huwelijkse voorwaarden moeten vóór deze datum bij de notaris zijn getekend. Plan de afspraak daarom op tijd, het liefst een paar weken van tevoren. Staat de datum nog niet vast? Vul dan de datum in die u nu verwacht.",
              "The prenuptial agreement must be signed at the notary's office before this date, so plan the appointment in good time, preferably a few weeks ahead. If the date is not fixed yet, enter the date you expect now.",
            ),
          },
        ),
        question(
          "wedding_municipality",
          "text",
          t(
            "In welke gemeente vindt het huwelijk of de registratie plaats?",
            "In which municipality will the wedding or registration take place?",
          ),
          {
            required: false,
            help: t(
              "Dit hoeft niet de gemeente te zijn waar u woont.",
              "This does not have to be the municipality where you live.",
            ),
          },
        ),
        question(
          "living_together",
          "yesNo",
          t("Woont u al samen?", "Do you already live together?"),
        ),
        question(
          "cohabitation_agreement",
          "yesNo",
          t("Hebt u een samenlevingscontract?", "Do you have a cohabitation agreement?"),
          {
            required: false,
            condition: when("living_together", true),
            help: t(
              "In veel samenlevingscontracten staat dat het contract eindigt als u trouwt. De notaris kijkt met u of er afspraken in staan die u wilt houden.",
              "Many cohabitation agreements end when you marry. The notary will check with you whether it contains arrangements you want to keep.",
            ),
          },
        ),
        question(
          "shared_home",
          "yesNo",
          t(
            "Hebt u samen een woning, of gaat u er samen een kopen?",
            "Do you own a home together, or are you about to buy one together?",
          ),
          { required: false },
        ),
      ],
    },
    {
      id: "wishes_page",
      title: t("Uw wensen", "Your wishes"),
      items: [
        choice(
          "reasons",
          "multipleChoice",
          t("Waarom wilt u huwelijkse voorwaarden?", "Why would you like a prenuptial agreement?"),
          [
            option("business", "Een van ons heeft een bedrijf", "One of us owns a business"),
            option(
              "keep_assets_separate",
              "Wij willen bezittingen van vóór het huwelijk apart houden",
              "We want to keep assets from before the marriage separate",
            ),
            option(
              "protect_from_debts",
              "Wij willen de ander beschermen tegen schulden",
              "We want to protect each other from debts",
            ),
            option(
              "inheritance",
              "Wij verwachten een erfenis of schenking",
              "We expect an inheritance or gift",
            ),
            option(
              "children_previous_relationship",
              "Een van ons heeft kinderen uit een eerdere relatie",
              "One of us has children from a previous relationship",
            ),
            option("other", "Een andere reden", "Another reason"),
          ],
          {
            required: false,
            help: t("U kunt meer dan één antwoord kiezen.", "You can choose more than one answer."),
          },
        ),
        question("reasons_other", "text", t("Welke andere reden?", "What other reason?"), {
          required: false,
          condition: when("reasons", "other"),
        }),
        choice(
          "regime",
          "singleChoice",
          t("Welke regeling hebt u in gedachten?", "Which arrangement do you have in mind?"),
          [
            option(
              "cold_exclusion",
              "Koude uitsluiting: alles blijft gescheiden en er wordt niets verrekend",
              "Cold exclusion (koude uitsluiting): everything stays separate and nothing is shared",
            ),
            option(
              "final_settlement",
              "Finaal verrekenbeding: bij een scheiding of overlijden wordt het vermogen verdeeld alsof u in gemeenschap van goederen was getrouwd",
              "Final settlement clause (finaal verrekenbeding): on divorce or death, your assets are divided as if you had married in community of property",
            ),
            option(
              "periodic_settlement",
              "Periodiek verrekenbeding: wat u elk jaar overhoudt van uw inkomen, deelt u met elkaar",
              "Periodic settlement clause (periodiek verrekenbeding): each year, you share what is left of your incomes",
            ),
            option(
              "limited_community",
              "Beperkte gemeenschap: sommige dingen zijn van u samen, bijvoorbeeld de woning, de rest blijft apart",
              "Limited community of property (beperkte gemeenschap): some things are joint, such as the home; the rest stays separate",
            ),
            option(
              "advice",
              "Weet ik nog niet, ik wil advies",
              "I don't know yet, I would like advice",
            ),
          ],
          {
            help: t(
              "Kies wat u nu het beste lijkt. In het gesprek legt de notaris de verschillen uit en kijkt hij of zij met u wat bij uw situatie past.",
              "Choose what seems best to you now. At the meeting, the notary will explain the differences and help you decide what suits your situation.",
            ),
          },
        ),
        question(
          "exclude_business_from_settlement",
          "yesNo",
          t(
            "Moet een bedrijf of erfenis buiten de verrekening blijven?",
            "Should a business or an inheritance be left out of the settlement?",
          ),
          {
            required: false,
            condition: when("regime", "final_settlement"),
            help: t(
              "Bij een finaal verrekenbeding kunt u afspreken dat bepaalde bezittingen niet worden gedeeld, zoals een bedrijf of een erfenis.",
              "With a final settlement clause, you can agree that certain assets are not shared, such as a business or an inheritance.",
            ),
          },
        ),
      ],
    },
    {
      id: "documents_page",
      title: t("Documenten en vragen", "Documents and questions"),
      items: [
        question(
          "assets_overview",
          "file",
          t(
            "Overzicht van uw bezittingen en schulden, als u dat hebt",
            "Overview of your assets and debts, if you have one",
          ),
          {
            required: false,
            help: t(
              "Bijvoorbeeld een lijst die u zelf hebt gemaakt. Wat u al had vóór het huwelijk, kunnen wij dan vastleggen in een lijst bij de akte (een boedelbeschrijving). Zo kunt u later makkelijk aantonen wat van wie was.",
              "For example a list you made yourself. We can then record what you owned before the marriage in a list attached to the deed (an inventory). This makes it easy to show later what belonged to whom.",
            ),
          },
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
