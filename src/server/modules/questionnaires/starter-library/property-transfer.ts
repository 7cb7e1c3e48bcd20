import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { choice, group, option, question, t, when } from "./build.ts";

/**
 * "Levering woning": what the notary needs from the buyers to draw up the deed of transfer
 * (akte van levering) and the settlement statement (nota van afrekening).
 */
export const propertyTransfer: QuestionnaireDefinition = {
  title: t("Levering woning", "Property transfer"),
  description: t(
    "Met deze vragenlijst bereiden wij de akte van levering van uw nieuwe woning voor. Vul de vragen zo volledig mogelijk in. Weet u iets niet zeker? Stel uw vraag dan op de laatste pagina, of bel ons gerust.",
    "We use this questionnaire to prepare the deed of transfer for your new home. Please answer the questions as fully as you can. Not sure about something? Ask us on the last page, or give us a call.",
  ),
  pages: [
    {
      id: "buyers_page",
      title: t("Gegevens van de kopers", "Buyers' details"),
      intro: t(
        "Vul de gegevens in van iedereen die de woning koopt. Koopt u samen met uw partner? Voeg dan ook uw partner toe als koper.",
        "Enter the details of everyone who is buying the home. Are you buying together with your partner? Then add your partner as a buyer too.",
      ),
      items: [
        group(
          "buyers",
          {
            label: t("Kopers", "Buyers"),
            itemLabel: t("Koper", "Buyer"),
            minItems: 1,
            maxItems: 4,
          },
          [
            question(
              "buyer_name",
              "text",
              t(
                "Volledige naam (alle voornamen en achternaam)",
                "Full name (all first names and surname)",
              ),
              {
                help: t(
                  "Schrijf uw naam zoals in uw paspoort of identiteitskaart staat. Dus niet alleen uw roepnaam.",
                  "Write your name exactly as it appears in your passport or identity card, so not just the name you go by.",
                ),
              },
            ),
            question("buyer_birth_date", "date", t("Geboortedatum", "Date of birth")),
            question("buyer_birth_place", "text", t("Geboorteplaats", "Place of birth")),
            question(
              "buyer_bsn",
              "bsn",
              t("Burgerservicenummer (BSN)", "Citizen service number (BSN)"),
              {
                help: t(
                  "Uw BSN staat in uw Nederlandse paspoort, op uw identiteitskaart en op uw rijbewijs. U vindt het ook op uw loonstrook of op MijnOverheid.nl. De notaris heeft uw BSN nodig voor de inschrijving bij het Kadaster.",
                  "Your BSN is shown in your Dutch passport, on your identity card and on your driving licence. You can also find it on your payslip or at MijnOverheid.nl. The notary needs it to register the transfer with the Land Registry (Kadaster).",
                ),
              },
            ),
            question("buyer_email", "email", t("E-mailadres", "Email address")),
            question("buyer_phone", "phone", t("Telefoonnummer", "Phone number")),
            choice(
              "buyer_marital_status",
              "singleChoice",
              t("Burgerlijke staat", "Marital status"),
              [
                option(
                  "single",
                  "Niet getrouwd en geen geregistreerd partner",
                  "Not married and not in a registered partnership",
                ),
                option("married", "Getrouwd", "Married"),
                option("registered_partner", "Geregistreerd partner", "Registered partner"),
                option("divorced", "Gescheiden", "Divorced"),
                option("widowed", "Weduwe of weduwnaar", "Widowed"),
              ],
              {
                help: t(
                  "Woont u samen zonder dat u getrouwd bent of een geregistreerd partnerschap hebt? Kies dan 'Niet getrouwd en geen geregistreerd partner', ook als u een samenlevingscontract hebt.",
                  "Do you live together without being married or in a registered partnership? Then choose 'Not married and not in a registered partnership', even if you have a cohabitation agreement.",
                ),
              },
            ),
            question(
              "buyer_prenup",
              "yesNo",
              t(
                "Bent u getrouwd met huwelijkse voorwaarden?",
                "Are you married under a prenuptial agreement?",
              ),
              {
                condition: when("buyer_marital_status", "married"),
                help: t(
                  "Dit is van belang voor de vraag van wie de woning wordt. Hebt u huwelijkse voorwaarden? Stuur ons dan een kopie van de akte.",
                  "This affects who will own the home. If you have a prenuptial agreement, please send us a copy of the deed.",
                ),
              },
            ),
            question("buyer_address", "postcode", t("Uw huidige adres", "Your current address"), {
              required: false,
              help: t(
                "Woont u in het buitenland? Laat dit veld dan leeg en vermeld uw adres bij de vragen voor de notaris op de laatste pagina.",
                "Do you live abroad? Then leave this blank and give your address under questions for the notary on the last page.",
              ),
            }),
          ],
        ),
        choice(
          "ownership_split",
          "singleChoice",
          t(
            "Koopt u met meer personen? Hoe verdeelt u de eigendom?",
            "Are several of you buying? How will you divide the ownership?",
          ),
          [
            option("equal", "Ieder voor een gelijk deel", "Equal shares"),
            option("other", "Een andere verdeling", "A different division"),
          ],
          {
            required: false,
            help: t(
              "Alleen invullen als u de woning met iemand samen koopt. Meestal krijgt ieder de helft. Hebt u ongelijk bijgedragen, bijvoorbeeld uit eigen spaargeld? Dan kunt u een andere verdeling kiezen.",
              "Only fill this in if you are buying the home together with someone. Usually each buyer gets half. Did one of you contribute more, for example from savings? Then you can choose a different division.",
            ),
          },
        ),
        question(
          "ownership_split_details",
          "text",
          t("Welke verdeling wilt u?", "Which division would you like?"),
          {
            condition: when("ownership_split", "other"),
            help: t("Bijvoorbeeld: 60% en 40%.", "For example: 60% and 40%."),
          },
        ),
      ],
    },
    {
      id: "property_page",
      title: t("De woning", "The property"),
      items: [
        question(
          "property_address",
          "postcode",
          t("Adres van de woning", "Address of the property"),
          {
            help: t(
              "Postcode en huisnummer staan in de koopovereenkomst.",
              "You will find the postcode and house number in the purchase agreement.",
            ),
          },
        ),
        choice(
          "property_type",
          "singleChoice",
          t("Wat voor woning is het?", "What type of home is it?"),
          [
            option("house", "Een huis", "A house"),
            option("apartment", "Een appartement", "An apartment"),
            option(
              "other",
              "Iets anders, bijvoorbeeld een woonboot of een bouwkavel",
              "Something else, such as a houseboat or a building plot",
            ),
          ],
        ),
        question("purchase_price", "amount", t("Koopprijs", "Purchase price"), {
          help: t(
            "Het bedrag dat in de koopovereenkomst staat. De kosten van de notaris en de overdrachtsbelasting horen daar niet bij.",
            "The amount stated in the purchase agreement. Notary fees and transfer tax are not included.",
          ),
        }),
        question(
          "movables_price",
          "amount",
          t(
            "Bedrag voor roerende zaken, als dat apart in de koopovereenkomst staat",
            "Amount for movable items, if the purchase agreement lists it separately",
          ),
          {
            required: false,
            help: t(
              "Bijvoorbeeld gordijnen, vloerbedekking of lampen die u van de verkoper overneemt. Over dit bedrag betaalt u geen overdrachtsbelasting.",
              "For example curtains, flooring or lamps that you take over from the seller. No transfer tax is due on this amount.",
            ),
          },
        ),
        question(
          "main_residence",
          "yesNo",
          t("Gaat u zelf in de woning wonen?", "Will you live in the home yourself?"),
          {
            help: t(
              "Dit bepaalt hoeveel overdrachtsbelasting u betaalt. Gaat u er zelf wonen, dan geldt een lager tarief. Bent u tussen 18 en 35 jaar? Dan hoeft u misschien helemaal geen overdrachtsbelasting te betalen (startersvrijstelling).",
              "This determines how much transfer tax you pay. If you will live there yourself, a lower rate applies. Are you between 18 and 35? Then you may not have to pay any transfer tax at all (starter's exemption).",
            ),
          },
        ),
        question(
          "starter_exemption_used",
          "yesNo",
          t(
            "Hebt u eerder al de startersvrijstelling gekregen?",
            "Have you received the starter's exemption before?",
          ),
          {
            required: false,
            condition: when("main_residence", true),
            help: t(
              "U kunt de startersvrijstelling maar één keer krijgen. U tekent daarvoor bij de notaris een verklaring.",
              "You can only receive the starter's exemption once. You sign a statement for it at the notary's office.",
            ),
          },
        ),
      ],
    },
    {
      id: "financing_page",
      title: t("Financiering en betaling", "Financing and payment"),
      intro: t(
        "U betaalt de koopprijs en de kosten via de derdengeldenrekening van de notaris. Een paar dagen voor de overdracht krijgt u van ons een nota van afrekening. Daarop staat welk bedrag u moet overmaken.",
        "You pay the purchase price and the costs through the notary's escrow account (derdengeldenrekening). A few days before the transfer, we will send you a settlement statement showing the amount you need to transfer.",
      ),
      items: [
        question(
          "has_mortgage",
          "yesNo",
          t(
            "Sluit u een hypotheek af voor deze woning?",
            "Are you taking out a mortgage for this home?",
          ),
        ),
        question(
          "lender_name",
          "text",
          t("Bij welke bank of geldverstrekker?", "With which bank or lender?"),
          {
            condition: when("has_mortgage", true),
            help: t(
              "Werkt u met een hypotheekadviseur? Noem dan toch de partij die het geld leent, bijvoorbeeld de bank.",
              "Even if you work with a mortgage adviser, please name the party lending the money, for example the bank.",
            ),
          },
        ),
        question(
          "mortgage_amount",
          "amount",
          t("Hoe hoog is de hypotheek?", "What is the mortgage amount?"),
          {
            condition: when("has_mortgage", true),
            help: t(
              "Het bedrag uit de hypotheekofferte. Weet u het nog niet precies? Vul dan een schatting in.",
              "The amount in the mortgage offer. Don't know the exact amount yet? Then enter an estimate.",
            ),
          },
        ),
        question(
          "mortgage_adviser",
          "text",
          t(
            "Naam van uw hypotheekadviseur, als u die hebt",
            "Name of your mortgage adviser, if you have one",
          ),
          { required: false, condition: when("has_mortgage", true) },
        ),
        choice(
          "own_funds_sources",
          "multipleChoice",
          t(
            "Waarmee betaalt u het deel dat u niet leent bij de bank?",
            "How will you pay the part that you are not borrowing from the bank?",
          ),
          [
            option("savings", "Eigen spaargeld", "Own savings"),
            option(
              "sale_current_home",
              "Verkoop van mijn huidige woning",
              "Sale of my current home",
            ),
            option("gift", "Een schenking", "A gift"),
            option("family_loan", "Een lening van familie", "A loan from family"),
          ],
          {
            required: false,
            help: t(
              "De notaris moet wettelijk nagaan waar het geld vandaan komt. U kunt meer dan één antwoord kiezen.",
              "By law, the notary has to check where the money comes from. You can choose more than one answer.",
            ),
          },
        ),
        question(
          "family_loan_agreement",
          "yesNo",
          t(
            "Wilt u dat wij de lening van uw familie vastleggen in een leningsovereenkomst?",
            "Would you like us to record the loan from your family in a loan agreement?",
          ),
          {
            required: false,
            condition: when("own_funds_sources", "family_loan"),
            help: t(
              "Een schriftelijke overeenkomst is nodig als u de rente van de belasting wilt aftrekken. Wij leggen u uit aan welke voorwaarden de lening verder moet voldoen.",
              "You need a written agreement if you want to deduct the interest from your taxes. We will explain which other conditions the loan has to meet.",
            ),
          },
        ),
        question(
          "settlement_iban",
          "iban",
          t("IBAN van uw rekening voor de afrekening", "IBAN of your account for the settlement"),
          {
            help: t(
              "Van deze rekening maakt u uw eigen geld over naar de derdengeldenrekening van de notaris. Krijgt u na de afrekening geld terug? Dan storten wij het op deze rekening. De rekening moet op naam staan van (een van) de kopers.",
              "You transfer your own money from this account to the notary's escrow account. If you get money back after the settlement, we pay it into this account. The account must be in the name of (one of) the buyers.",
            ),
          },
        ),
        question(
          "settlement_account_holder",
          "text",
          t("Op wiens naam staat deze rekening?", "In whose name is this account?"),
        ),
      ],
    },
    {
      id: "handover_page",
      title: t("Overdracht en vragen", "Handover and questions"),
      items: [
        question(
          "key_handover_date",
          "date",
          t("Op welke datum krijgt u de sleutels?", "On what date will you receive the keys?"),
          {
            help: t(
              "Meestal is dit de dag waarop u bij de notaris tekent. De datum staat in de koopovereenkomst. Wilt u een andere datum? Spreek dat dan eerst af met de verkoper.",
              "This is usually the day you sign at the notary's office. The date is in the purchase agreement. Would you like a different date? Then agree it with the seller first.",
            ),
          },
        ),
        choice(
          "appointment_preference",
          "singleChoice",
          t(
            "Wanneer komt een afspraak bij de notaris u het beste uit?",
            "When would an appointment at the notary's office suit you best?",
          ),
          [
            option("morning", "'s Ochtends", "In the morning"),
            option("afternoon", "'s Middags", "In the afternoon"),
            option("no_preference", "Maakt mij niet uit", "No preference"),
          ],
          { required: false },
        ),
        question(
          "purchase_agreement",
          "file",
          t("Getekende koopovereenkomst", "Signed purchase agreement"),
          {
            help: t(
              "Upload de koopovereenkomst die u en de verkoper allebei hebben getekend. Vaak stuurt de makelaar ons die ook. Stuur hem voor de zekerheid toch mee.",
              "Upload the purchase agreement signed by both you and the seller. The estate agent often sends it to us as well, but please include it to be sure.",
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
