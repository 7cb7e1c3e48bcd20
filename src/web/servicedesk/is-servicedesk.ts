/** The certificate events are the servicedesk's work, not the member administration's. */
export function isServicedesk(role: string | null | undefined): boolean {
  return role === "servicedesk";
}
