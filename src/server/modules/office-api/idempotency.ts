import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "#src/server/errors.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import { DAY } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { requireApiCaller } from "./api-actor.ts";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  releaseIdempotencyKey,
} from "./repository.ts";

/** How long a key is remembered: a day covers any sensible retry. */
const KEPT = DAY;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module "fastify" {
  interface FastifyRequest {
    /** The claimed key of this POST, to store its answer under. */
    idempotencyKeyId: string | undefined;
  }
}

/**
 * What "the same request" is: the method, the route with its parameters, and the body. A body
 * that is streamed (an upload) counts by its type and length, since it cannot be read twice.
 */
function requestHash(request: FastifyRequest): string {
  const body =
    request.body === undefined
      ? `${request.headers["content-type"] ?? ""}:${request.headers["content-length"] ?? ""}`
      : JSON.stringify(request.body);
  return createHash("sha256").update(`${request.method} ${request.url}\n${body}`).digest("hex");
}

/**
 * Idempotency-Key on the office API's POSTs (issue 16): the first request under a key runs and
 * its answer is kept; the same request again gets that answer (marked `idempotent-replayed`); a
 * different one under the same key gets 422; one that comes while the first still runs gets 409.
 * An answer of 5xx is not kept, so the retry runs anew.
 */
export function idempotencyHooks(deps: { db: Database; clock: Clock }) {
  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers["idempotency-key"];
    if (request.method !== "POST" || key === undefined) return;
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) {
      throw new AppError("validation_failed", [
        {
          path: "headers.idempotency-key",
          code: "invalid",
          message: "1 to 255 visible ASCII characters",
        },
      ]);
    }
    const { software } = requireApiCaller(request);
    const hash = requestHash(request);
    const now = deps.clock.now();
    await deleteIdempotencyKeysBefore(deps.db, new Date(now.getTime() - KEPT));
    const claimed = await claimIdempotencyKey(deps.db, software.scope, {
      idempotencyKey: key,
      requestHash: hash,
      createdAt: now,
    });
    if (claimed) {
      request.idempotencyKeyId = claimed.id;
      return;
    }
    const earlier = await findIdempotencyKey(deps.db, software.scope, key);
    if (!earlier || earlier.requestHash !== hash) throw new AppError("idempotency_key_reused");
    if (earlier.statusCode === null || earlier.responseBody === null) {
      throw new AppError("idempotency_key_in_progress");
    }
    return reply
      .status(earlier.statusCode)
      .header("idempotent-replayed", "true")
      .type("application/json; charset=utf-8")
      .send(earlier.responseBody);
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const id = request.idempotencyKeyId;
    if (!id) return payload;
    request.idempotencyKeyId = undefined;
    if (reply.statusCode >= 500 || typeof payload !== "string") {
      await releaseIdempotencyKey(deps.db, id);
    } else {
      await completeIdempotencyKey(deps.db, id, {
        statusCode: reply.statusCode,
        responseBody: payload,
        completedAt: deps.clock.now(),
      });
    }
    return payload;
  };

  return { preHandler, onSend };
}
