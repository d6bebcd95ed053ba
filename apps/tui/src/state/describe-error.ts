import { isAtlasApiError, isAtlasRequestError, isInvalidParameterError, isResponseShapeError } from '@atlas-checkpoints/core';
import { CONFIGURE_CREDENTIALS } from '../cli/credentials-help.js';
import type { ErrorInfo } from './types.js';

/** Ids of what was being read, to say which one was not found. */
export interface ErrorContext {
  readonly groupId?: string | undefined;
  readonly clusterName?: string | undefined;
  readonly checkpointId?: string | undefined;
}

const CREDENTIALS_HINT = `Configure credentials. ${CONFIGURE_CREDENTIALS}`;

function notFound(errorCode: string, context: ErrorContext): string {
  if (errorCode.includes('GROUP') || errorCode.includes('PROJECT')) return `Project ${context.groupId ?? ''} was not found.`;
  if (errorCode.includes('CLUSTER'))
    return `Cluster ${context.clusterName ?? ''} was not found in project ${context.groupId ?? ''}.`;
  if (errorCode.includes('CHECKPOINT'))
    return `Checkpoint ${context.checkpointId ?? ''} was not found in cluster ${context.clusterName ?? ''}.`;
  const ids = [context.groupId, context.clusterName, context.checkpointId].filter((v) => v !== undefined);
  return `Not found: ${ids.join(' / ') || 'the resource'}.`;
}

const BASE_URL_HINT =
  'Check --baseUrl (or MONGODB_ATLAS_OPS_MANAGER_URL): it should be the Atlas (or proxy) address without a path, e.g. https://cloud.mongodb.com.';

/**
 * A 404 that says the base URL is wrong rather than an id: the body was no Atlas error document
 * (another server answered), the path is not under `/api/atlas/` (a base URL with a path), or
 * the request named no id (`projects`), so there was no id to get wrong.
 */
function wrongBaseUrl(error: { readonly url: string; readonly atlasErrorDocument?: boolean }): boolean {
  if (error.atlasErrorDocument === false) return true;
  const path = URL.canParse(error.url) ? new URL(error.url).pathname : error.url;
  return !path.startsWith('/api/atlas/') || !/\/groups\/[^/]+/.test(path);
}

/**
 * What went wrong and what to do, for the browser and for the script commands' stderr.
 *
 * @example
 * describeError(error, { groupId }).hint // 'Configure credentials: …' for a 401
 */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorInfo {
  if (isAtlasApiError(error)) {
    const base = { status: error.status, errorCode: error.errorCode };
    const detail = error.detail ?? error.reason ?? '';
    switch (error.status) {
      case 401:
        return { ...base, title: `401 Unauthorized (${error.errorCode}): ${detail}`, hint: CREDENTIALS_HINT };
      case 403:
        return {
          ...base,
          title: `403 Forbidden (${error.errorCode}): ${detail}`,
          hint: 'Your key or service account cannot read this. Add your IP address to its API access list and check its project role.',
        };
      case 404:
        if (wrongBaseUrl(error))
          return { ...base, title: `404 (${error.errorCode}): ${error.method} ${error.url} was not found.`, hint: BASE_URL_HINT };
        return { ...base, title: `404 (${error.errorCode}): ${notFound(error.errorCode, context)}`, hint: 'Check the id.' };
      case 429:
        return {
          ...base,
          title: `429 Rate limited (${error.errorCode})`,
          hint: 'Atlas kept rate limiting after the retries; wait a minute and try again.',
        };
      default:
        return {
          ...base,
          title: `${error.status} ${error.errorCode}: ${detail}`,
          hint: 'Try again; if it persists, check status.mongodb.com.',
        };
    }
  }
  if (isAtlasRequestError(error)) {
    return {
      title: `Cannot reach Atlas (${error.kind}): ${error.message}`,
      hint: 'Check your network and --baseUrl (or MONGODB_ATLAS_OPS_MANAGER_URL).',
    };
  }
  if (isInvalidParameterError(error)) {
    return { title: `Invalid ${error.parameter}: ${JSON.stringify(error.value)}`, hint: 'Check the id you passed.' };
  }
  if (isResponseShapeError(error)) {
    return {
      title: `Unexpected response from Atlas: ${error.message}`,
      hint: 'Try again; if it persists, report it with the path above.',
    };
  }
  return { title: error instanceof Error ? error.message : String(error), hint: 'Try again.' };
}
