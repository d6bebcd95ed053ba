import type { ServerResponse } from 'node:http';

/**
 * Runs `serve` for a pipelined request (one Node parsed while an earlier response on its
 * connection was unfinished: its `outgoing` has no socket yet) once Node hands it the socket,
 * that is once the earlier responses are sent. If one of them closes the connection (`Connection:
 * close`: a refusal, an answer while draining, a request that asked for it), Node never does, and
 * the request is never run: RFC 9112 §9.6 says a server must not process requests received after
 * the one it answers with `close`, and nobody would receive the answer. Pipelined requests are
 * therefore served one after the other, as their answers are sent anyway.
 *
 * Relies on Node's `ServerResponse` emitting `socket` when its turn comes (`assignSocket`, checked
 * on Node 20; not a documented event): `edges.test.ts` (pipelined requests on a connection kept
 * alive) breaks if it stops.
 */
export function whenItsTurn(outgoing: ServerResponse, serve: () => void): void {
  outgoing.once('socket', serve);
}
