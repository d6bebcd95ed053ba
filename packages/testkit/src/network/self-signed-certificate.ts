import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A self-signed certificate for `localhost` and `127.0.0.1`, in PEM, and the files holding it. */
export interface SelfSignedCertificate {
  readonly key: string;
  readonly cert: string;
  /** The certificate's file: what `NODE_EXTRA_CA_CERTS` or a CA option points at. */
  readonly certFile: string;
  /** Removes the files. */
  remove(): void;
}

/**
 * Creates a self-signed certificate (P-256, valid two days) for `localhost` and `127.0.0.1` with
 * the `openssl` command line (Debian package `openssl`); it is its own CA.
 *
 * @example
 * const tls = await createSelfSignedCertificate();
 * const server = await fake.listen({ port: 0, tls }); // https://127.0.0.1:…
 */
export async function createSelfSignedCertificate(): Promise<SelfSignedCertificate> {
  const dir = mkdtempSync(join(tmpdir(), 'self-signed-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot create a certificate with openssl (apt-get install openssl): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
