import { useTranslation } from "react-i18next";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";

interface RecoveryCodesProps {
  codes: string[];
  /** What just happened, e.g. that 2-step verification is on now. */
  notice: string;
  onDone: () => void;
  /** One below the heading the codes appear under: 2 on a page of their own, 3 in a section. */
  headingLevel: 2 | 3;
}

/** New recovery codes, shown this once: to print or write down. */
export function RecoveryCodes({ codes, notice, onDone, headingLevel }: RecoveryCodesProps) {
  const { t } = useTranslation();
  return (
    <>
      <FocusHeading level={headingLevel}>
        {t("account.myDetails.twoFactor.codesTitle")}
      </FocusHeading>
      <Alert type="ok">{notice}</Alert>
      <Paragraph>{t("account.myDetails.twoFactor.codesAdvice")}</Paragraph>
      <UnorderedList className="utrecht-unordered-list poort-recovery-codes">
        {codes.map((code) => (
          <UnorderedListItem key={code}>{code}</UnorderedListItem>
        ))}
      </UnorderedList>
      <ButtonGroup>
        <Button onClick={() => window.print()}>{t("account.myDetails.twoFactor.print")}</Button>
        <Button appearance="primary-action" onClick={onDone}>
          {t("account.myDetails.twoFactor.codesDone")}
        </Button>
      </ButtonGroup>
    </>
  );
}
