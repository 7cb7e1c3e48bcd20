import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { eherkenningApplyApi } from "#src/contracts/api/eherkenning-apply.ts";
import type { KvkCompany } from "#src/contracts/eherkenning/kvk-company.ts";
import { canSign } from "#src/contracts/eherkenning/signatures.ts";
import type { ApplicationView } from "#src/contracts/eherkenning/wizard.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import {
  ButtonGroup,
  CheckboxField,
  FieldError,
  Fieldset,
  RadioField,
  SelectField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { RepresentativesTable } from "./RepresentativesTable.tsx";
import { signatureNeedText } from "./signature-need-text.ts";

const p = "ehApply.who";

interface SignerInput {
  chosen: boolean;
  email: string;
  mobile: string;
}

type Need = ApplicationView["signaturesNeeded"];

/** The company as the register gives it: name, legal form, address, branches, representatives. */
export function CompanyFacts({ company }: { company: KvkCompany }) {
  const { t } = useTranslation();
  const main = company.branches[0]?.address;
  return (
    <>
      <DataList
        items={[
          { key: "name", label: t(`${p}.companyName`), value: company.name },
          { key: "kvk", label: t(`${p}.kvkNumber`), value: company.kvkNumber },
          { key: "form", label: t(`${p}.legalForm`), value: company.legalForm },
          {
            key: "address",
            label: t(`${p}.address`),
            value: main ? `${main.street}, ${main.postcode} ${main.city}` : t(`${p}.shielded`),
          },
        ]}
      />
      <RepresentativesTable
        caption={t(`${p}.representativesCaption`)}
        headings={[t(`${p}.columns.name`), t(`${p}.columns.role`), t(`${p}.columns.authority`)]}
        representatives={company.representatives}
        authorityText={(authority) => t(`ehApply.authority.${authority}`)}
      />
      <Table caption={t(`${p}.branchesCaption`)}>
        <TableHeadings
          labels={[t(`${p}.columns.branchNumber`), t(`${p}.columns.name`), t(`${p}.address`)]}
        />
        <TableBody>
          {company.branches.map((branch) => (
            <TableRow key={branch.branchNumber}>
              <TableCell>{branch.branchNumber}</TableCell>
              <TableCell>{branch.name}</TableCell>
              <TableCell>
                {branch.address
                  ? `${branch.address.street}, ${branch.address.postcode} ${branch.address.city}`
                  : t(`${p}.shielded`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function initialSigners(application: ApplicationView): Record<string, SignerInput> {
  return Object.fromEntries(
    application.signers.map((signer) => [
      signer.representativeId,
      { chosen: true, email: signer.email, mobile: signer.mobile ?? "" },
    ]),
  );
}

/**
 * Step 2, the company: found by KvK number, then an optional branch, whether the user works
 * there, and which representatives will sign, with where their mail (and code) goes.
 */
export function CompanyChoice({
  application,
  onSaved,
  onBack,
}: {
  application: ApplicationView;
  onSaved: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [kvkNumber, setKvkNumber] = useState(application.company?.kvkNumber ?? "");
  const [company, setCompany] = useState<KvkCompany | null>(application.company);
  const [need, setNeed] = useState<Need>(application.signaturesNeeded);
  const [branchNumber, setBranchNumber] = useState(application.branchNumber ?? "");
  const [worksFor, setWorksFor] = useState<boolean | null>(application.userWorksForCompany);
  const [signers, setSigners] = useState(() => initialSigners(application));
  const [attempt, setAttempt] = useState(0);
  const [localError, setLocalError] = useState<"verifyFirst" | "worksFor" | "signers">();
  const lookup = useSubmit();
  const save = useSubmit();

  async function onLookUp(event: FormEvent) {
    event.preventDefault();
    await lookup.run(async () => {
      const found = await callApi(eherkenningApplyApi.lookupCompany, { body: { kvkNumber } });
      setCompany(found.company);
      setNeed(found.signaturesNeeded ?? null);
      setBranchNumber("");
      setSigners({});
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!company) return;
    const chosen = Object.entries(signers).filter(([, input]) => input.chosen);
    const check =
      !application.user.emailVerified || !application.user.mobileVerified
        ? "verifyFirst"
        : worksFor === null
          ? "worksFor"
          : chosen.length === 0
            ? "signers"
            : undefined;
    setLocalError(check);
    if (check) return;
    const ok = await save.run(async () => {
      await callApi(eherkenningApplyApi.saveCompany, {
        body: {
          kvkNumber: company.kvkNumber,
          branchNumber,
          userWorksForCompany: worksFor ?? false,
          signers: chosen.map(([representativeId, input]) => ({
            representativeId,
            email: input.email,
            mobile: input.mobile,
          })),
        },
      });
    });
    if (ok) onSaved();
  }

  const lookupError = lookup.error?.message;
  const signerFieldError = (index: number, field: "email" | "mobile") =>
    save.error?.details.some((detail) => detail.path === `body.signers.${index}.${field}`);
  const chosenIds = Object.entries(signers)
    .filter(([, input]) => input.chosen)
    .map(([id]) => id);
  const summaryMessage = localError ? t(`${p}.errors.${localError}`) : save.error?.message;

  return (
    <section className="poort-eh-box" aria-labelledby="eh-company-heading">
      <Heading level={3} id="eh-company-heading">
        {t(`${p}.companyHeading`)}
      </Heading>
      <Paragraph>{t(`${p}.anyone`)}</Paragraph>
      <Paragraph>{t(`${p}.representativeNeedNotBeUser`)}</Paragraph>
      <form className="poort-eh-inline-form" noValidate onSubmit={(event) => void onLookUp(event)}>
        <TextField
          id="eh-kvk-number"
          label={t(`${p}.kvkNumber`)}
          description={t(`${p}.kvkHint`)}
          inputMode="numeric"
          value={kvkNumber}
          error={lookupError}
          onChange={(event) => setKvkNumber(event.target.value)}
        />
        <Button type="submit" disabled={lookup.busy}>
          {t(`${p}.lookUp`)}
        </Button>
      </form>

      {company && (
        <>
          <CompanyFacts company={company} />
          <Alert type="info">{signatureNeedText(t, application.level, need)}</Alert>
          <FieldErrorSummary
            message={summaryMessage}
            fields={
              localError === "worksFor"
                ? [{ id: "eh-works-yes", message: t(`${p}.errors.worksFor`) }]
                : localError === "signers"
                  ? [{ id: "eh-signers", message: t(`${p}.errors.signers`) }]
                  : []
            }
            attempt={attempt}
          />
          <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
            <SelectField
              id="eh-branch"
              label={t(`${p}.branchLabel`)}
              value={branchNumber}
              onChange={(event) => setBranchNumber(event.target.value)}
              options={[
                { value: "", label: t(`${p}.wholeCompany`) },
                ...company.branches.map((branch) => ({
                  value: branch.branchNumber,
                  label: `${branch.name} (${branch.branchNumber})`,
                })),
              ]}
            />
            <Fieldset legend={t(`${p}.worksForLegend`)}>
              {localError === "worksFor" && <FieldError>{t(`${p}.errors.worksFor`)}</FieldError>}
              <RadioField
                id="eh-works-yes"
                name="worksFor"
                label={t(`${p}.yes`)}
                checked={worksFor === true}
                onChange={() => setWorksFor(true)}
              />
              <RadioField
                id="eh-works-no"
                name="worksFor"
                label={t(`${p}.no`)}
                checked={worksFor === false}
                onChange={() => setWorksFor(false)}
              />
            </Fieldset>
            <Fieldset legend={t(`${p}.signersLegend`)}>
              {localError === "signers" && <FieldError>{t(`${p}.errors.signers`)}</FieldError>}
              {company.representatives.map((representative, index) => {
                const input = signers[representative.id] ?? {
                  chosen: false,
                  email: "",
                  mobile: "",
                };
                const position = chosenIds.indexOf(representative.id);
                const update = (change: Partial<SignerInput>) =>
                  setSigners({ ...signers, [representative.id]: { ...input, ...change } });
                if (!canSign(representative.authority)) {
                  return (
                    <Paragraph key={representative.id}>
                      {t(`${p}.cannotSign`, { name: representative.name })}
                    </Paragraph>
                  );
                }
                return (
                  <div key={representative.id} className="poort-eh-box">
                    <CheckboxField
                      id={index === 0 ? "eh-signers" : `eh-signer-${index}`}
                      label={t(`${p}.signerOption`, {
                        name: representative.name,
                        authority: t(`ehApply.authority.${representative.authority}`),
                      })}
                      checked={input.chosen}
                      onChange={(event) => update({ chosen: event.target.checked })}
                    />
                    {input.chosen && (
                      <>
                        <TextField
                          id={`eh-signer-${index}-email`}
                          type="email"
                          label={t(`${p}.signerEmail`, { name: representative.name })}
                          value={input.email}
                          error={
                            signerFieldError(position, "email")
                              ? t(`${p}.fieldErrors.email`)
                              : undefined
                          }
                          onChange={(event) => update({ email: event.target.value })}
                        />
                        <TextField
                          id={`eh-signer-${index}-mobile`}
                          type="tel"
                          label={t(`${p}.signerMobile`, { name: representative.name })}
                          description={t(`${p}.signerMobileHint`)}
                          value={input.mobile}
                          error={
                            signerFieldError(position, "mobile")
                              ? t(`${p}.fieldErrors.mobile`)
                              : undefined
                          }
                          onChange={(event) => update({ mobile: event.target.value })}
                        />
                      </>
                    )}
                  </div>
                );
              })}
            </Fieldset>
            <ButtonGroup>
              <Button onClick={onBack}>{t("ehApply.previous")}</Button>
              <Button type="submit" appearance="primary-action" disabled={save.busy}>
                {t("ehApply.next")}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      {!company && (
        <ButtonGroup>
          <Button onClick={onBack}>{t("ehApply.previous")}</Button>
        </ButtonGroup>
      )}
    </section>
  );
}
