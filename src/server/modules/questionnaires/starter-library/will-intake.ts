import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { choice, group, option, question, t, when } from "./build.ts";

/**
 * "Testament": the intake before the meeting about a will. It gathers the family situation
 * and the client's wishes; the notary turns them into a draft after the meeting.
 */
export const willIntake: QuestionnaireDefinition = {
  title: t("Testament", "Will"),
  description: t(
    "Met deze vragenlijst bereiden wij het gesprek over uw testament voor. U hoeft nog niet alles zeker te weten: de notaris bespreekt uw wensen met u en legt uit welke mogelijkheden er zijn.",
    "This questionnaire helps us prepare for the meeting about your will. You don't need to have decided everything yet: the notary will discuss your wishes with you and explain the options.",
  ),
  pages: [
    {
      id: "personal_page",
      title: t("Uw gegevens", "Your details"),
      items: [
        question(
          "full_name",
          "text",
          t(
            "Volledige naam (alle voornamen en achternaam)",
            "Full name (all first names and surname)",
          ),
          {
            help: t(
              "Schrijf uw naam zoals in uw paspoort of identiteitskaart staat.",
              "Write your name exactly as it appears in your passport or identity card.",
            ),
          },
        ),
        question("birth_date", "date", t("Geboortedatum", "Date of birth")),
        question("birth_place", "text", t("Geboorteplaats", "Place of birth")),
        question("bsn", "bsn", t("Burgerservicenummer (BSN)", "Citizen service number (BSN)"), {
          help: t(
            "Uw BSN staat in uw Nederlandse paspoort, op uw identiteitskaart en op uw rijbewijs. U vindt het ook op uw loonstrook of op MijnOverheid.nl. De notaris gebruikt het om uw testament in te schrijven in het Centraal Testamentenregister.",
            "Your BSN is shown in your Dutch passport, on your identity card and on your driving licence. You can also find it on your payslip or at MijnOverheid.nl. The notary uses it to register your will in the Central Wills Register.",
          ),
        }),
        question("home_address", "postcode", t("Woonadres", "Home address")),
        question("email", "email", t("E-mailadres", "Email address")),
        question("phone", "phone", t("Telefoonnummer", "Phone number"), { required: false }),
        choice(
          "marital_status",
          "singleChoice",
          t("Wat is uw situatie?", "What is your situation?"),
          [
            option(
              "married_or_partnership",
              "Ik ben getrouwd of heb een geregistreerd partnerschap",
              "I am married or in a registered partnership",
            ),
            option(
              "cohabiting",
              "Ik woon samen, maar ben niet getrouwd en heb geen geregistreerd partnerschap",
              "I live with a partner, but we are not married or in a registered partnership",
            ),
            option("single", "Ik ben alleenstaand", "I am single"),
            option("divorced", "Ik ben gescheiden", "I am divorced"),
            option("widowed", "Mijn partner is overleden", "My partner has died"),
          ],
        ),
        question("cohabitant_name", "text", t("Naam van uw partner", "Your partner's name"), {
          condition: when("marital_status", "cohabiting"),
        }),
        question(
          "cohabitant_inherits",
          "yesNo",
          t(
            "Wilt u dat uw partner van u erft?",
            "Would you like your partner to inherit from you?",
          ),
          {
            condition: when("marital_status", "cohabiting"),
            help: t(
              "Samenwoners erven volgens de wet niet van elkaar, ook niet als ze een samenlevingscontract hebben. Wilt u dat uw partner iets krijgt? Dan moet u dat in uw testament regelen.",
              "Under Dutch law, unmarried partners do not inherit from each other, even with a cohabitation agreement. If you want your partner to receive something, you need to arrange it in your will.",
            ),
          },
        ),
        question(
          "has_existing_will",
          "yesNo",
          t("Hebt u al eerder een testament laten maken?", "Have you made a will before?"),
          {
            help: t(
              "Een nieuw testament vervangt meestal het oude. De notaris bekijkt wat er in het oude testament staat.",
              "A new will usually replaces the old one. The notary will look at what your previous will says.",
            ),
          },
        ),
        question(
          "existing_will_notary",
          "text",
          t(
            "Bij welke notaris, en in welk jaar ongeveer?",
            "With which notary, and in roughly what year?",
          ),
          { required: false, condition: when("has_existing_will", true) },
        ),
      ],
    },
    {
      id: "partner_page",
      title: t("Uw echtgenoot of partner", "Your spouse or partner"),
      condition: when("marital_status", "married_or_partnership"),
      items: [
        choice(
          "partnership_type",
          "singleChoice",
          t("Bent u getrouwd of geregistreerd partner?", "Are you married or registered partners?"),
          [
            option("married", "Getrouwd", "Married"),
            option("registered_partnership", "Geregistreerd partner", "Registered partners"),
          ],
        ),
        choice(
          "property_regime",
          "singleChoice",
          t(
            "Hoe bent u getrouwd of geregistreerd partner geworden?",
            "How did you marry or register your partnership?",
          ),
          [
            option("community", "In gemeenschap van goederen", "In community of property"),
            option(
              "prenup",
              "Met huwelijkse voorwaarden of partnerschapsvoorwaarden",
              "With a prenuptial or partnership agreement",
            ),
            option("unknown", "Dat weet ik niet", "I don't know"),
          ],
          {
            help: t(
              "Bent u zonder voorwaarden getrouwd vóór 1 januari 2018? Dan valt alles in één gemeenschap. Bent u daarna getrouwd? Dan blijft wat u vóór het huwelijk al had, en een erfenis of schenking, in de regel buiten de gemeenschap.",
              "Did you marry without an agreement before 1 January 2018? Then everything you own is shared. Did you marry after that date? Then what you owned before the marriage, and any inheritance or gift, is generally not shared.",
            ),
          },
        ),
        question(
          "partner_name",
          "text",
          t("Volledige naam van uw echtgenoot of partner", "Full name of your spouse or partner"),
        ),
        question(
          "partner_birth_date",
          "date",
          t(
            "Geboortedatum van uw echtgenoot of partner",
            "Date of birth of your spouse or partner",
          ),
        ),
        question(
          "partner_bsn",
          "bsn",
          t("BSN van uw echtgenoot of partner", "BSN of your spouse or partner"),
          {
            required: false,
            help: t(
              "Het burgerservicenummer staat in het paspoort, op de identiteitskaart en op het rijbewijs van uw echtgenoot of partner.",
              "The citizen service number (BSN) is shown in your spouse's or partner's passport, identity card and driving licence.",
            ),
          },
        ),
        question(
          "partner_also_will",
          "yesNo",
          t(
            "Wil uw echtgenoot of partner ook een testament laten maken?",
            "Does your spouse or partner also want to make a will?",
          ),
          {
            required: false,
            help: t(
              "Partners laten hun testamenten vaak tegelijk maken, zodat ze goed op elkaar aansluiten.",
              "Partners often make their wills at the same time, so that the wills fit together.",
            ),
          },
        ),
      ],
    },
    {
      id: "children_page",
      title: t("Kinderen", "Children"),
      items: [
        question("has_children", "yesNo", t("Hebt u kinderen?", "Do you have children?"), {
          help: t(
            "Tel alle kinderen mee: ook kinderen uit een eerdere relatie, geadopteerde kinderen en kinderen die al zijn overleden.",
            "Include all your children: also children from a previous relationship, adopted children and children who have died.",
          ),
        }),
        group(
          "children",
          {
            label: t("Kinderen", "Children"),
            itemLabel: t("Kind", "Child"),
            minItems: 1,
            maxItems: 15,
            condition: when("has_children", true),
          },
          [
            question("child_name", "text", t("Volledige naam", "Full name")),
            question("child_birth_date", "date", t("Geboortedatum", "Date of birth")),
            question(
              "child_with_current_partner",
              "yesNo",
              t(
                "Is dit een kind van u en uw huidige partner?",
                "Is this a child of you and your current partner?",
              ),
              { required: false },
            ),
            question(
              "child_deceased",
              "yesNo",
              t("Is dit kind overleden?", "Has this child died?"),
            ),
            question(
              "child_descendants",
              "text",
              t(
                "Namen van de kinderen van dit kind, als die er zijn",
                "Names of this child's children, if any",
              ),
              {
                required: false,
                condition: when("child_deceased", true),
                help: t(
                  "Kleinkinderen erven in de plaats van een overleden kind.",
                  "Grandchildren inherit in place of a child who has died.",
                ),
              },
            ),
          ],
        ),
        question(
          "has_minor_children",
          "yesNo",
          t("Zijn er kinderen jonger dan 18 jaar?", "Are any of your children under 18?"),
          { condition: when("has_children", true) },
        ),
        question(
          "guardian_name",
          "text",
          t(
            "Wie wilt u als voogd voor uw minderjarige kinderen?",
            "Who would you like as guardian of your children under 18?",
          ),
          {
            required: false,
            condition: when("has_minor_children", true),
            help: t(
              "Een voogd zorgt voor uw kinderen als er na uw overlijden geen ouder met gezag meer is. Vraag vooraf of deze persoon dat wil. Laat het veld leeg als u dat nog niet weet.",
              "A guardian looks after your children if, after your death, no parent with parental authority is left. Ask the person beforehand whether they are willing. Leave this blank if you don't know yet.",
            ),
          },
        ),
        question(
          "guardian_alternate",
          "text",
          t(
            "Wie wilt u als reservevoogd, voor als de eerste voogd het niet kan of wil?",
            "Who would you like as a back-up guardian, in case the first cannot or will not act?",
          ),
          { required: false, condition: when("has_minor_children", true) },
        ),
      ],
    },
    {
      id: "heirs_page",
      title: t("Erfgenamen en legaten", "Heirs and legacies"),
      intro: t(
        "Erfgenamen krijgen (een deel van) alles wat u nalaat: uw bezittingen, maar ook uw schulden. Een legaat is één bepaald bedrag of voorwerp dat u aan iemand nalaat. Voegt u geen erfgenamen toe? Dan bespreekt de notaris met u wie er volgens de wet van u erft.",
        "Heirs receive (a share of) everything you leave behind: your assets, but also your debts. A legacy is a specific amount or item that you leave to someone. If you add no heirs, the notary will discuss with you who inherits from you by law.",
      ),
      items: [
        group(
          "heirs",
          {
            label: t("Erfgenamen", "Heirs"),
            itemLabel: t("Erfgenaam", "Heir"),
            minItems: 0,
            maxItems: 20,
          },
          [
            question(
              "heir_name",
              "text",
              t("Naam, of naam van de organisatie", "Name, or name of the organisation"),
            ),
            choice(
              "heir_relationship",
              "singleChoice",
              t("Wat is deze erfgenaam van u?", "How is this heir related to you?"),
              [
                option("partner", "Mijn echtgenoot of partner", "My spouse or partner"),
                option("child", "Mijn kind", "My child"),
                option("grandchild", "Mijn kleinkind", "My grandchild"),
                option("parent", "Mijn vader of moeder", "My father or mother"),
                option("sibling", "Mijn broer of zus", "My brother or sister"),
                option("other_family", "Ander familielid", "Another relative"),
                option("friend", "Een vriend of kennis", "A friend or acquaintance"),
                option("charity", "Een goed doel", "A charity"),
              ],
            ),
            question(
              "heir_share",
              "text",
              t("Welk deel krijgt deze erfgenaam?", "What share should this heir receive?"),
              {
                required: false,
                help: t(
                  "Bijvoorbeeld 'de helft', '1/3' of '25%'. Samen moeten de delen het geheel vormen. Weet u het nog niet? Laat het veld dan leeg; de notaris bespreekt het met u.",
                  "For example 'half', '1/3' or '25%'. Together the shares must add up to the whole. Not sure yet? Leave this blank; the notary will discuss it with you.",
                ),
              },
            ),
          ],
        ),
        choice(
          "extra_arrangements",
          "multipleChoice",
          t(
            "Wilt u ook iets van het volgende regelen?",
            "Would you also like to arrange any of the following?",
          ),
          [
            option(
              "exclusion_clause",
              "Een uitsluitingsclausule: wat uw erfgenamen krijgen, hoeven zij bij een scheiding niet te delen",
              "An exclusion clause: your heirs won't have to share what they receive if they divorce",
            ),
            option(
              "administration",
              "Bewind: iemand anders beheert de erfenis voor een erfgenaam, bijvoorbeeld voor een jong kind",
              "Administration (bewind): someone else manages the inheritance for an heir, for example a young child",
            ),
            option("disinherit", "Iemand onterven", "Disinheriting someone"),
          ],
          { required: false },
        ),
        question(
          "administration_details",
          "longText",
          t(
            "Voor wie wilt u bewind, tot welke leeftijd, en wie wordt de bewindvoerder?",
            "For whom would you like administration, until what age, and who should be the administrator?",
          ),
          { required: false, condition: when("extra_arrangements", "administration") },
        ),
        question(
          "disinherit_details",
          "longText",
          t("Wie wilt u onterven?", "Whom would you like to disinherit?"),
          {
            condition: when("extra_arrangements", "disinherit"),
            help: t(
              "Een kind dat u onterft, kan nog wel een deel van de erfenis in geld opeisen: de legitieme portie. De notaris legt uit wat dat voor uw situatie betekent.",
              "A child you disinherit can still claim part of the estate in money: the statutory share (legitieme portie). The notary will explain what this means in your situation.",
            ),
          },
        ),
        question(
          "legacies",
          "longText",
          t(
            "Wilt u bepaalde bedragen of spullen aan iemand nalaten (legaten)?",
            "Would you like to leave specific amounts or items to someone (legacies)?",
          ),
          {
            required: false,
            help: t(
              "Noem per legaat wat u nalaat en aan wie. Bijvoorbeeld: 'Mijn horloge aan mijn neef Daan' of '€ 5.000 aan een goed doel'.",
              "For each legacy, say what you leave and to whom. For example: 'My watch to my nephew Daan' or '€5,000 to a charity'.",
            ),
          },
        ),
      ],
    },
    {
      id: "settlement_page",
      title: t("Executeur, uitvaart en vragen", "Executor, funeral and questions"),
      items: [
        question(
          "wants_executor",
          "yesNo",
          t("Wilt u een executeur benoemen?", "Would you like to appoint an executor?"),
          {
            help: t(
              "Een executeur regelt na uw overlijden de afwikkeling van uw nalatenschap. Hij of zij betaalt rekeningen en schulden, beheert uw bezittingen tot ze zijn verdeeld en kan uw uitvaart regelen. Dat kan een familielid zijn, een vriend of een professional. Zonder executeur moeten uw erfgenamen dit samen doen.",
              "An executor (executeur) settles your estate after your death. They pay bills and debts, manage your assets until they are divided, and can arrange your funeral. This can be a relative, a friend or a professional. Without an executor, your heirs have to do this together.",
            ),
          },
        ),
        question(
          "executor_name",
          "text",
          t("Wie wilt u als executeur?", "Who would you like as executor?"),
          { condition: when("wants_executor", true) },
        ),
        question(
          "executor_alternate",
          "text",
          t(
            "Wie wilt u als reserve-executeur, voor als de eerste het niet kan of wil?",
            "Who would you like as a back-up executor, in case the first cannot or will not act?",
          ),
          { required: false, condition: when("wants_executor", true) },
        ),
        question(
          "funeral_wishes",
          "longText",
          t("Hebt u wensen voor uw uitvaart?", "Do you have any wishes for your funeral?"),
          {
            required: false,
            help: t(
              "Bijvoorbeeld of u begraven of gecremeerd wilt worden. Vertel uw wensen ook aan uw naasten: een testament wordt soms pas na de uitvaart gelezen.",
              "For example whether you wish to be buried or cremated. Tell your loved ones as well: a will is sometimes read only after the funeral.",
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
