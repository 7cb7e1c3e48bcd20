import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isLoggedIn, useSession } from "../api/session.tsx";
import { Button } from "../components/Button.tsx";
import { Heading } from "../components/Heading.tsx";
import { Paragraph } from "../components/Paragraph.tsx";
import { idleDeadline, idleTimers } from "./idle-timers.ts";

/**
 * Warns 2 minutes before the session ends for lack of activity, with a button that extends it
 * (asking for the session counts as activity). When the time has passed, `onEnded(true)` lets
 * the layout send the user to the login page with a message once the session is gone.
 */
export function IdleWarning({ onEnded }: { onEnded: (ended: boolean) => void }) {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const [warning, setWarning] = useState(false);
  const stayButton = useRef<HTMLButtonElement>(null);
  // Each answer is a new object: its seconds left count from now, when it has just come in.
  const deadline = useMemo(() => idleDeadline(session, Date.now()), [session]);

  useEffect(() => {
    setWarning(false);
    if (deadline === undefined) return;
    const { warnInMs, endInMs } = idleTimers(deadline, Date.now());
    const warn = setTimeout(() => setWarning(true), warnInMs);
    const end = setTimeout(async () => {
      // Other pages may have kept the session alive meanwhile: ask before leaving.
      onEnded(true);
      const next = await refresh();
      if (next && isLoggedIn(next)) onEnded(false);
    }, endInMs);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [deadline, refresh, onEnded]);

  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--warning poort-idle-warning"
      role="alertdialog"
      aria-labelledby="idle-warning-heading"
      aria-describedby="idle-warning-body"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading level={2} id="idle-warning-heading">
            {t("account.idle.title")}
          </Heading>
          <Paragraph id="idle-warning-body">{t("account.idle.body")}</Paragraph>
          <Button ref={stayButton} appearance="primary-action" onClick={() => void refresh()}>
            {t("account.idle.stay")}
          </Button>
        </div>
      </div>
    </div>
  );
}
