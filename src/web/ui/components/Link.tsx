import type { ComponentProps } from "react";
import { Link as RouterLinkBase } from "react-router";
import { classNames } from "./class-names.ts";

const linkClass = "utrecht-link utrecht-link--html-a";

/** A link that leaves the current app (another area, a download): a full page load. */
export function Link({ className, ...props }: ComponentProps<"a">) {
  return <a className={classNames(linkClass, className)} {...props} />;
}

/** A link within the current app, handled by React Router without reloading the page. */
export function RouterLink({ className, ...props }: ComponentProps<typeof RouterLinkBase>) {
  return <RouterLinkBase className={classNames(linkClass, className)} {...props} />;
}

const primaryButtonLinkClass =
  "utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action";

/** A link within the current app that looks like the page's primary button: the way on. */
export function RouterButtonLink({ className, ...props }: ComponentProps<typeof RouterLinkBase>) {
  return <RouterLinkBase className={classNames(primaryButtonLinkClass, className)} {...props} />;
}

const secondaryButtonLinkClass =
  "utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action";

/** A link that leaves the app (to the server, which redirects on) and looks like a button. */
export function ButtonLink({ className, ...props }: ComponentProps<"a">) {
  return <a className={classNames(secondaryButtonLinkClass, className)} {...props} />;
}
