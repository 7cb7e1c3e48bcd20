import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCmSmsGateway } from "./cm-sms-gateway.ts";
import { SmsRejectedError } from "./sms-gateway.ts";

const PRODUCT_TOKEN = "0a6b6c2e-1d3a-4a4e-9b8c-5f7e6d5c4b3a";

interface CmRequest {
  messages: {
    authentication: { producttoken: string };
    msg: Array<{
      from: string;
      to: Array<{ number: string }>;
      body: { type: string; content: string };
      reference: string;
    }>;
  };
}

/**
 * Answers like CM's JSON messaging API: a bad product token gets 400 with error 101, a number
 * that is not a number gets a "Rejected" message (303), anything else is accepted.
 */
function answerLikeCm(request: CmRequest): { status: number; body: unknown } {
  const { authentication, msg } = request.messages;
  if (authentication.producttoken !== PRODUCT_TOKEN) {
    return {
      status: 400,
      body: {
        details: "No account found for the given authentication",
        errorCode: 101,
        messages: [],
      },
    };
  }
  const messages = msg.flatMap((message) =>
    message.to.map(({ number }) =>
      /^00\d+$/.test(number)
        ? {
            to: number,
            status: "Accepted",
            reference: message.reference,
            parts: 1,
            messageDetails: null,
            messageErrorCode: 0,
          }
        : {
            to: number,
            status: "Rejected",
            reference: message.reference,
            parts: 0,
            messageDetails: `Gsm '${number}' is not a number.`,
            messageErrorCode: 303,
          },
    ),
  );
  const accepted = messages.filter((message) => message.status === "Accepted").length;
  return accepted === messages.length
    ? {
        status: 200,
        body: { details: `Created ${accepted} message(s)`, errorCode: 0, messages },
      }
    : {
        status: 400,
        body: { details: `Created ${accepted} message(s)`, errorCode: 201, messages },
      };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

describe("CM.com SMS gateway", () => {
  let server: Server;
  let url: string;
  const received: Array<{ method: string; path: string; contentType: string; body: CmRequest }> =
    [];
  /** Replaces CM's answer for the next request, to play an outage. */
  let override: ((response: ServerResponse) => void) | undefined;

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const body = (await readJson(request)) as CmRequest;
      received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        contentType: request.headers["content-type"] ?? "",
        body,
      });
      if (override) return override(response);
      const answer = answerLikeCm(body);
      response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/message`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    override = undefined;
  });

  const gateway = (productToken = PRODUCT_TOKEN) =>
    createCmSmsGateway({ url, productToken, sender: "Poort", timeoutMs: 5_000 });
  const sms = {
    to: "+31612345678",
    text: "Uw code is 123456. Deel deze code met niemand.",
    reference: "9b2f4c1e-7a3d-4e8b-9c6f-2d1e0a5b7c84",
  };

  it("posts the message in CM's JSON format and accepts CM's confirmation", async () => {
    await gateway().send(sms);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", path: "/v1.0/message" });
    expect(request?.contentType).toMatch(/^application\/json/);
    const [message] = request?.body.messages.msg ?? [];
    expect(request?.body.messages.authentication).toEqual({ producttoken: PRODUCT_TOKEN });
    expect(message).toMatchObject({
      from: "Poort",
      to: [{ number: "0031612345678" }],
      body: { type: "auto", content: sms.text },
    });
    // CM takes references of 1 to 32 alphanumeric characters and reports them back.
    expect(message?.reference).toBe("9b2f4c1e7a3d4e8b9c6f2d1e0a5b7c84");
    expect(message?.reference).toMatch(/^[A-Za-z0-9]{1,32}$/);
  });

  it("reports a refused product token as a final refusal with CM's explanation", async () => {
    const sending = gateway("not-our-token").send(sms);
    await expect(sending).rejects.toBeInstanceOf(SmsRejectedError);
    await expect(sending).rejects.toThrow(/101.*No account found for the given authentication/);
  });

  it("reports a number CM rejects as a final refusal with CM's explanation", async () => {
    const sending = gateway().send({ ...sms, to: "+31612345678x" });
    await expect(sending).rejects.toBeInstanceOf(SmsRejectedError);
    await expect(sending).rejects.toThrow("Gsm '0031612345678x' is not a number.");
  });

  it("treats a server error as temporary, not as a refusal", async () => {
    override = (response) => {
      response.writeHead(503, { "content-type": "text/html" });
      response.end("<h1>Service Unavailable</h1>");
    };
    const sending = gateway().send(sms);
    await expect(sending).rejects.toThrow("CM gateway answered HTTP 503");
    await expect(sending).rejects.not.toBeInstanceOf(SmsRejectedError);
  });

  it("treats being rate limited as temporary, not as a refusal", async () => {
    override = (response) => {
      response.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      response.end(JSON.stringify({ details: "Too many requests", errorCode: 999, messages: [] }));
    };
    await expect(gateway().send(sms)).rejects.not.toBeInstanceOf(SmsRejectedError);
  });

  it("treats an unreachable gateway as temporary, not as a refusal", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createCmSmsGateway({
      url: `http://127.0.0.1:${port}/v1.0/message`,
      productToken: PRODUCT_TOKEN,
      sender: "Poort",
    });
    const sending = unreachable.send(sms);
    await expect(sending).rejects.toThrow();
    await expect(sending).rejects.not.toBeInstanceOf(SmsRejectedError);
  });
});
