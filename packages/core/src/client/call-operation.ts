import { InvalidParameterError } from '../errors/invalid-parameter-error.js';
import { redactUrl } from '../errors/redact.js';
import { readerFor } from '../schemas/shape-check.js';
import type { ApiVersion } from '../wire/api-version.js';
import { readDeprecationHeaders } from '../wire/deprecation.js';
import { atlasMediaType } from '../wire/media-type.js';
import { resolveVersion } from '../wire/negotiate-version.js';
import type { Operation } from '../wire/operation.js';
import { expandPath } from '../wire/paths.js';
import { executeGet, type CallContext } from './execute-get.js';
import { buildUrl, checkParamsObject, checkPathParams, clientQuery } from './params.js';

/** A client's state shared by its calls: the context plus the operations already reported deprecated. */
export interface OperationContext extends CallContext {
  readonly reportedDeprecations: Set<string>;
}

/**
 * The version a call asks for: the call's own (`call(…, { apiVersion })`), else the client's pin
 * for the method, else the client's date resolved as Atlas resolves it, else the newest.
 * Throws `InvalidParameterError` for a version the operation does not have.
 */
function chooseVersion(context: OperationContext, operation: Operation, requested: unknown): ApiVersion {
  const versions = operation.versions.map((entry) => entry.version);
  if (requested !== undefined) {
    if (typeof requested !== 'string' || !(versions as string[]).includes(requested)) {
      throw new InvalidParameterError('apiVersion', requested, `one of ${versions.join(', ')}`);
    }
    return requested as ApiVersion;
  }
  const configured = context.options.apiVersion;
  if (configured === undefined) return versions[versions.length - 1] as ApiVersion;
  if (typeof configured !== 'string') return configured.get(operation.method) ?? (versions[versions.length - 1] as ApiVersion);
  const resolved = resolveVersion(operation, configured);
  if (resolved === undefined) {
    throw new InvalidParameterError('apiVersion', configured, `a date on or after ${versions[0]} for ${operation.method}`);
  }
  return resolved;
}

function reportDeprecation(
  context: OperationContext,
  operation: Operation,
  version: ApiVersion,
  url: string,
  response: Response,
) {
  const onDeprecation = context.options.onDeprecation;
  if (!onDeprecation || context.reportedDeprecations.has(operation.operationId)) return;
  const { deprecated, deprecation, sunset } = readDeprecationHeaders(response.headers);
  if (!deprecated && sunset === undefined) return;
  context.reportedDeprecations.add(operation.operationId);
  try {
    onDeprecation({
      operationId: operation.operationId,
      method: operation.method,
      apiVersion: version,
      deprecation,
      sunset,
      url: redactUrl(url),
    });
  } catch {
    // an observer's failure never fails the call
  }
}

/**
 * Calls one operation: checks the parameters against the table (an `InvalidParameterError`, no
 * request), GETs the expanded path with `Accept: application/vnd.atlas.<version>+json`, reports a
 * deprecation once per operation, and checks the 200 body against that version's schema.
 */
export async function callOperation(
  context: OperationContext,
  operation: Operation,
  params: unknown,
  requestedVersion?: unknown,
): Promise<unknown> {
  const p = checkParamsObject(params, Object.keys(operation.pathParameters).length === 0);
  const pathValues = checkPathParams(operation, p);
  const query = clientQuery(operation, p);
  const version = chooseVersion(context, operation, requestedVersion);
  const entry = operation.versions.find((candidate) => candidate.version === version) ?? operation.versions[0];
  const url = buildUrl(context.options.baseUrl, expandPath(operation, pathValues), query);
  // checkParamsObject checked `signal` (an AbortSignal) and `onResponse` (a function)
  return executeGet(context, url, atlasMediaType(version), p, (body, response) => {
    reportDeprecation(context, operation, version, url, response);
    return readerFor(entry.schema).decode(body, url);
  });
}
