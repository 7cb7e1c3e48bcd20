import type { Locale } from "#src/contracts/locale.ts";
import type { ArchivePlan } from "./archive-contents.ts";

/** The README's file name in the archive, in the account's language. */
export const readmeName: Record<Locale, string> = { nl: "LEESMIJ.txt", en: "README.txt" };

/** "23 november 2026 om 10:15" in Dutch time (Europe/Amsterdam), as the reader reads it. */
function moment(at: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(at);
}

/**
 * The short human-readable index at the top of the archive: what it holds and where. CRLF
 * line ends, so that Notepad on an older Windows shows the lines as lines too.
 */
export function readmeText(
  locale: Locale,
  about: { name: string; email: string; at: Date; summary: ArchivePlan["summary"] },
): string {
  const { summary } = about;
  const lines =
    locale === "nl"
      ? [
          `Mijn gegevens uit Poort - ${about.name} (${about.email})`,
          `Samengesteld op ${moment(about.at, locale)} (Nederlandse tijd).`,
          "",
          "Dit archief bevat alles wat Poort over u bewaart, zoals u het in het klantenportaal ziet:",
          `${summary.memberships} notariskanto(o)r(en), ${summary.dossiers} dossier(s), ${summary.documents} document(en) en ${summary.messages} bericht(en).`,
          "",
          "- profile.json: uw account, uw notificaties, de kantoren waarvoor u inlogt en, als hoofdaccount van een bedrijf, de extra accounts die u beheert.",
          "- security-events.json: uw inloggegevens en beveiligingsgebeurtenissen (inloggen, mislukte pogingen, verificatie in twee stappen, sessies).",
          "- Per kantoor een map met actions.json (uw acties en antwoorden op vragenlijsten) en per dossier een map met dossier.json (gegevens, status, voortgang, documenten en berichten) en de bestanden zelf.",
          "",
          "De .json-bestanden zijn machineleesbaar (JSON, UTF-8); tijden staan in UTC (ISO 8601).",
          "Bewaar dit archief op een veilige plek: het bevat vertrouwelijke gegevens.",
        ]
      : [
          `My data from Poort - ${about.name} (${about.email})`,
          `Compiled on ${moment(about.at, locale)} (Dutch time).`,
          "",
          "This archive holds everything Poort keeps about you, as you see it in the client portal:",
          `${summary.memberships} notary office(s), ${summary.dossiers} dossier(s), ${summary.documents} document(s) and ${summary.messages} message(s).`,
          "",
          "- profile.json: your account, your notifications, the offices you log in for and, as a company's main account, the extra accounts you manage.",
          "- security-events.json: your logins and security events (logins, failed attempts, 2-step verification, sessions).",
          "- Per office a folder with actions.json (your actions and questionnaire answers) and per dossier a folder with dossier.json (details, status, progress, documents and messages) and the files themselves.",
          "",
          "The .json files are machine-readable (JSON, UTF-8); times are in UTC (ISO 8601).",
          "Keep this archive in a safe place: it holds confidential data.",
        ];
  return `${lines.join("\r\n")}\r\n`;
}
