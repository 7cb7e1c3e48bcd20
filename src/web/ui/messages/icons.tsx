/**
 * Small icons of the Berichten screens. They are decoration only (`aria-hidden`): the control
 * or text beside them carries the accessible name.
 */

const iconProps = {
  width: 20,
  height: 20,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: "false",
  className: "poort-icon",
} as const;

/** An incoming message: an arrow into a tray. */
export function IncomingIcon() {
  return (
    <svg aria-hidden="true" {...iconProps}>
      <path d="M4 14v5h16v-5" />
      <path d="M12 3v11" />
      <path d="M7 9l5 5 5-5" />
    </svg>
  );
}

/** An outgoing message: an arrow out of a tray. */
export function OutgoingIcon() {
  return (
    <svg aria-hidden="true" {...iconProps}>
      <path d="M4 14v5h16v-5" />
      <path d="M12 14V3" />
      <path d="M7 8l5-5 5 5" />
    </svg>
  );
}

/** The trash can ("prullenbak") of an attachment not yet sent. */
export function TrashIcon() {
  return (
    <svg aria-hidden="true" {...iconProps}>
      <path d="M4 7h16" />
      <path d="M10 11v6M14 11v6" />
      <path d="M6 7l1 13h10l1-13" />
      <path d="M9 7V4h6v3" />
    </svg>
  );
}

/** A paper clip: attachments. */
export function PaperclipIcon() {
  return (
    <svg aria-hidden="true" {...iconProps}>
      <path d="M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7" />
    </svg>
  );
}
