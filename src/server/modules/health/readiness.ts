import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * Whether this instance wants new requests. From the moment the process is asked to stop it
 * drains: `/ready` answers 503, so a balancer that polls it takes the instance out of rotation,
 * while every request that still arrives is served as usual, only without keeping its
 * connection alive. A balancer that held an idle connection to this instance opens a fresh one
 * next time, which reaches an instance that stays.
 */
export class Readiness {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Starts draining the listeners' servers. Each answer from now on says `Connection: close`,
   * so that by the time the servers stop accepting, no connection a balancer could pick as
   * idle is left open (closing idle ones then would race with a request sent on them).
   */
  drain(servers: readonly Pick<Server, "prependListener">[]): void {
    if (this.#draining) return;
    this.#draining = true;
    for (const server of servers) {
      // Before Fastify's own listener, so the header is there whatever answers the request.
      server.prependListener("request", closeAfterAnswer);
    }
  }
}

function closeAfterAnswer(_request: IncomingMessage, response: ServerResponse): void {
  response.setHeader("connection", "close");
}
