import { useTranslation } from "react-i18next";
import type { ApplicationView } from "#src/contracts/eherkenning/wizard.ts";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { formatDate } from "#src/web/ui/format.ts";

/** What the application covers, in words: the scope and its services. */
export function ScopeText({
  scope,
  services,
  providerName,
}: {
  scope: ApplicationView["scope"];
  services: ApplicationView["scopeServices"];
  providerName: string | null;
}) {
  const { t } = useTranslation();
  if (!scope) return <>{t("ehApply.summary.notGiven")}</>;
  if (scope.kind === "all") return <>{t("ehApply.summary.allServices")}</>;
  if (scope.kind === "provider") {
    return <>{t("ehApply.summary.providerServices", { provider: providerName ?? "" })}</>;
  }
  return (
    <UnorderedList>
      {services.map((service) => (
        <UnorderedListItem key={service.id}>
          {t("ehApply.summary.service", {
            service: service.name,
            provider: service.providerName,
            level: service.level,
          })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** Everything the application says, as the user and the signers see it. */
export function ApplicationSummary({ application }: { application: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const s = "ehApply.summary";
  const yesNo = (value: boolean | null) =>
    value === null ? t(`${s}.notGiven`) : value ? t("ehApply.who.yes") : t("ehApply.who.no");
  const branch = application.company?.branches.find(
    (candidate) => candidate.branchNumber === application.branchNumber,
  );
  const verified = (value: string | null, isVerified: boolean) =>
    value
      ? `${value} (${isVerified ? t(`${s}.verified`) : t(`${s}.notVerified`)})`
      : t(`${s}.notGiven`);
  return (
    <DataList
      items={[
        {
          key: "scope",
          label: t(`${s}.scope`),
          value: (
            <ScopeText
              scope={application.scope}
              services={application.scopeServices}
              providerName={application.scopeProviderName}
            />
          ),
        },
        {
          key: "level",
          label: t(`${s}.level`),
          value: application.level ? t(`ehApply.levels.${application.level}`) : t(`${s}.notGiven`),
        },
        { key: "user", label: t(`${s}.user`), value: application.user.name ?? t(`${s}.notGiven`) },
        {
          key: "email",
          label: t(`${s}.email`),
          value: verified(application.user.email, application.user.emailVerified),
        },
        {
          key: "mobile",
          label: t(`${s}.mobile`),
          value: verified(application.user.mobile, application.user.mobileVerified),
        },
        {
          key: "company",
          label: t(`${s}.company`),
          value: application.company
            ? `${application.company.name} (KvK ${application.company.kvkNumber})`
            : t(`${s}.notGiven`),
        },
        {
          key: "branch",
          label: t(`${s}.branch`),
          value: branch ? `${branch.name} (${branch.branchNumber})` : t(`${s}.wholeCompany`),
        },
        { key: "works", label: t(`${s}.worksFor`), value: yesNo(application.userWorksForCompany) },
        {
          key: "signers",
          label: t(`${s}.signers`),
          value:
            application.signers.length === 0 ? (
              t(`${s}.notGiven`)
            ) : (
              <UnorderedList>
                {application.signers
                  .filter((signer) => signer.status !== "replaced")
                  .map((signer) => (
                    <UnorderedListItem key={signer.id}>
                      {`${signer.name}, ${t(`ehApply.authority.${signer.authority}`)} (${signer.email})`}
                    </UnorderedListItem>
                  ))}
              </UnorderedList>
            ),
        },
        {
          key: "attachments",
          label: t(`${s}.attachments`),
          value:
            application.attachments.length === 0
              ? t(`${s}.none`)
              : application.attachments
                  .map(
                    (attachment) =>
                      `${t(`ehApply.documentTypes.${attachment.documentType}`)}, ${formatDate(attachment.expiresOn, i18n.language)} (${attachment.fileName})`,
                  )
                  .join("; "),
        },
      ]}
    />
  );
}
