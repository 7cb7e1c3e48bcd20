import { SMTPServer } from "smtp-server";

/** A mail as the sink received it. */
export interface ReceivedMail {
  subject: string;
  messageId: string;
}

export interface SmtpSink {
  /** Every mail whose DATA the sink took in, in order of arrival, repeats included. */
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that records every mail it is given.
 * `holdMs` delays the 250 after the DATA has arrived, as a relay that stores the mail first
 * would: a mail is recorded as received before its sender hears that it was accepted, which is
 * the window in which a crash of the sender repeats it.
 */
export async function startSmtpSink(port: number, options: { holdMs?: number } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString();
      });
      stream.on("end", () => {
        received.push({
          subject: header(raw, "Subject"),
          messageId: header(raw, "Message-ID"),
        });
        setTimeout(done, options.holdMs ?? 0);
      });
    },
  });
  // A sender that dies mid-session resets its connection: that is what the tests cause.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies SmtpSink;
}

function header(raw: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, "mi").exec(raw)?.[1]?.trim() ?? "";
}
