import { Type, type Static } from '@sinclair/typebox';

/**
 * One violation in a bad request.
 *
 * @example
 * const violation: FieldViolation = { field: 'itemsPerPage', description: 'must be at most 500' };
 */
export const FieldViolation = Type.Object({
  description: Type.String({ description: 'A description of why the request element is bad.' }),
  field: Type.String({ description: 'A path that leads to a field in the request body.' }),
});
export type FieldViolation = Static<typeof FieldViolation>;

/**
 * Bad request detail (the spec marks it `nullable`; see `ApiError.badRequestDetail`).
 *
 * @example
 * const detail: BadRequestDetail = { fields: [{ field: 'pageNum', description: 'must be >= 1' }] };
 */
export const BadRequestDetail = Type.Object(
  {
    fields: Type.Optional(Type.Array(FieldViolation, { description: 'Describes all violations in a client request.' })),
  },
  { readOnly: true, description: 'Bad request detail.' },
);
export type BadRequestDetail = Static<typeof BadRequestDetail>;

/**
 * The body of every Atlas error response.
 *
 * Deviation from the spec: it types `parameters` items as `object`, but the real service sends
 * strings (e.g. `"parameters":["Cluster0","5e22…"]`), so any item is accepted.
 *
 * @example
 * const body = assertShape(ApiErrorCheck, JSON.parse(text), url);
 * body.errorCode // 'GROUP_NOT_FOUND'
 */
export const ApiError = Type.Object({
  badRequestDetail: Type.Optional(
    Type.Union([BadRequestDetail, Type.Null()], { readOnly: true, description: 'Bad request detail.' }),
  ),
  detail: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'Describes the specific conditions or reasons that cause each type of error.',
    }),
  ),
  error: Type.Integer({ format: 'int32', readOnly: true, description: 'HTTP status code returned with this error.' }),
  errorCode: Type.String({ readOnly: true, description: 'Application error code returned with this error.' }),
  parameters: Type.Optional(
    Type.Array(Type.Unknown(), { readOnly: true, description: 'Parameters used to give more information about the error.' }),
  ),
  reason: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      readOnly: true,
      description: 'Application error message returned with this error.',
    }),
  ),
});
export type ApiError = Static<typeof ApiError>;
