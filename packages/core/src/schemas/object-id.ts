import { Type, type StringOptions, type TString } from '@sinclair/typebox';

/**
 * The spec's pattern for every 24-hexadecimal-digit id (`groupId`, `clusterId`, `checkpointId`, …).
 *
 * @example
 * new RegExp(OBJECT_ID_PATTERN).test('32b6e34b3d91647abb20e7b8') // true
 */
export const OBJECT_ID_PATTERN = '^([a-f0-9]{24})$';

/**
 * A string schema for a 24-hexadecimal-digit id with the spec's pattern.
 *
 * @example
 * const OrgId = objectId({ description: 'Organization id.' });
 */
export function objectId(options: StringOptions = {}): TString {
  return Type.String({ ...options, pattern: OBJECT_ID_PATTERN });
}
