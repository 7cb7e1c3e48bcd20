import { useState } from "react";
import type { RequestConfirmation, RequestForm } from "#src/contracts/certificates.ts";
import { ConfirmationStep } from "./ConfirmationStep.tsx";
import { LoginStep } from "./LoginStep.tsx";
import { RequestStep } from "./RequestStep.tsx";
import "../selfservice.css";

type Step =
  | { name: "login"; notice?: string }
  | { name: "request"; form: RequestForm }
  | { name: "confirmation"; form: RequestForm; confirmation: RequestConfirmation };

/**
 * `/selfservice/certificate`: log in (A3), request (A4) and the confirmation with the password
 * (A7). The steps live in memory only: the request token and the password are never put in
 * the address, the history or storage, so a reload starts again at the login.
 */
export function CertificatePage() {
  const [step, setStep] = useState<Step>({ name: "login" });
  switch (step.name) {
    case "login":
      return (
        <LoginStep notice={step.notice} onLoggedIn={(form) => setStep({ name: "request", form })} />
      );
    case "request":
      return (
        <RequestStep
          form={step.form}
          onConfirmed={(confirmation) =>
            setStep({ name: "confirmation", form: step.form, confirmation })
          }
          onLoginAgain={(notice) => setStep({ name: "login", notice })}
        />
      );
    case "confirmation":
      return <ConfirmationStep form={step.form} confirmation={step.confirmation} />;
  }
}
