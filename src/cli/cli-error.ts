/** A refusal or failure told in words an operator can act on, printed without a stack trace. */
export class CliError extends Error {}
