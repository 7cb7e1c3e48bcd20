import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { bounceListSchema, OfficeDetail } from "#src/contracts/certificates.ts";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { servicedeskPaths } from "../paths.ts";

/** A bounce of one office, or of the list of all offices with its office and reason too. */
type Bounce = OfficeDetail["bounces"][number] &
  Partial<z.infer<typeof bounceListSchema>["bounces"][number]>;

interface BouncesTableProps {
  caption: string;
  bounces: readonly Bounce[];
  /** Every office's bounces: each row also names its office and why the mail bounced. */
  allOffices?: boolean;
}

/** Bounced mails (A9): to whom, which mail and when, so the servicedesk can call the office. */
export function BouncesTable({ caption, bounces, allOffices = false }: BouncesTableProps) {
  const { t, i18n } = useTranslation();
  const c = "servicedesk.certificates.columns";
  const labels = allOffices
    ? [t(`${c}.office`), t(`${c}.to`), t(`${c}.subject`), t(`${c}.reason`), t(`${c}.at`)]
    : [t(`${c}.to`), t(`${c}.subject`), t(`${c}.at`)];
  return (
    <Table caption={caption}>
      <TableHeadings labels={labels} />
      <TableBody>
        {bounces.map((bounce, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bounces have no id; the list is fixed per load
          <TableRow key={index}>
            {allOffices && (
              <TableCell>
                <OfficeName bounce={bounce} />
              </TableCell>
            )}
            <TableCell>{bounce.to}</TableCell>
            <TableCell>{bounce.subject}</TableCell>
            {allOffices && <TableCell>{bounce.reason}</TableCell>}
            <TableCell>{formatDateTime(bounce.at, i18n.language)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The office a bounce went to, linked when it is known. */
function OfficeName({ bounce }: { bounce: Bounce }) {
  const { t } = useTranslation();
  const name = bounce.officeName ?? t("servicedesk.certificates.bounces.unknownOffice");
  return bounce.officeId ? (
    <RouterLink to={servicedeskPaths.office(bounce.officeId)}>{name}</RouterLink>
  ) : (
    name
  );
}
