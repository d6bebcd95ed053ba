import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { FakeAtlas } from '@atlas-checkpoints/testkit';

/** A fake Atlas on a real socket that can be made to hang: it accepts and reads, and does not answer. */
export interface GatedUpstream {
  readonly url: string;
  /** From now on, requests are held without an answer. */
  hang(): void;
  /** Held requests (and new ones) are answered by the fake. */
  resume(): void;
  /** HTTP requests received, answered or held. */
  requests(): number;
  /** TCP connections accepted. */
  connections(): number;
  /** Requests held now. */
  held(): number;
  close(): Promise<void>;
}

/**
 * Serves `fake` on 127.0.0.1 behind a gate: `hang()` makes it a hung upstream (connections
 * accepted, requests read, no answer), `resume()` answers what is held.
 *
 * @example
 * const upstream = await startGatedUpstream(fake);
 * upstream.hang(); // … upstream.resume();
 */
export async function startGatedUpstream(fake: FakeAtlas): Promise<GatedUpstream> {
  let requests = 0;
  let connections = 0;
  let held = 0;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  const server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request: Request) => {
      requests += 1;
      if (gate) {
        held += 1;
        await gate.promise;
        held -= 1;
      }
      return fake.fetch(request);
    },
  }) as Server;
  server.on('connection', () => {
    connections += 1;
  });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const resume = () => {
    gate?.open();
    gate = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    hang: () => {
      if (gate) return;
      let open = () => undefined as void;
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
    },
    resume,
    requests: () => requests,
    connections: () => connections,
    held: () => held,
    close: () =>
      new Promise<void>((resolve) => {
        resume();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
