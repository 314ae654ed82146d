import { builder } from '../builder.js';
import { ForbiddenError, InvalidInputError, NotFoundError, UnavailableError } from '../../gateway/user-errors.js';
import { ErrorCodeEnum, graphqlErrorCode } from './error-code.js';

/** Every error a client can handle carries a code of the one ErrorCode vocabulary and a human message. */
export const UserErrorInterface = builder.interfaceRef<Error & { code: string }>('UserError').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => graphqlErrorCode(e.code) }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input was rejected; `field` names the offending input field when there is one.',
  interfaces: [UserErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { nullable: true }) }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The key may not do this (e.g. key management needs a management key).',
  interfaces: [UserErrorInterface],
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id exists for this account.',
  interfaces: [UserErrorInterface],
  fields: () => ({}),
});

builder.objectType(UnavailableError, {
  name: 'UnavailableError',
  description: 'This server is not configured for the feature (e.g. BYOK without SECRET_KEY).',
  interfaces: [UserErrorInterface],
  fields: () => ({}),
});

export const USER_ERRORS = [InvalidInputError, ForbiddenError, NotFoundError];
