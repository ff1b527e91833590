import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'
import { loginExample, ownUserUpdateExample, userCreateExample, userUpdateExample } from './examples.js'

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')])
export type Role = Static<typeof Role>

const Email = Type.String({ format: 'email', maxLength: 254 })
export const MIN_PASSWORD_LENGTH = 12
const Password = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 200,
  pattern: '\\S',
  description: `at least ${MIN_PASSWORD_LENGTH} characters, not only whitespace`
})
const Name = Type.String({ minLength: 1, maxLength: 200 })

export const User = Type.Object({
  id: ObjectIdString,
  email: Email,
  name: Name,
  role: Role,
  created_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'User', title: 'User' })
export type User = Static<typeof User>

/**
 * A user as tokens are checked against: `token_generation` moves on with every
 * password change and session revocation, and a token carries the generation
 * it was issued in (never sent out).
 */
export type SessionUser = User & { token_generation: number }

/** What the store keeps: the session user plus the password hash, never sent out. */
export type StoredUser = SessionUser & { password_hash: string }

export const UserCreate = Type.Object({
  email: Email,
  name: Name,
  password: Password,
  role: Type.Optional(Role)
}, { additionalProperties: false, examples: [userCreateExample] })

export const UserUpdate = Type.Object({
  email: Type.Optional(Email),
  name: Type.Optional(Name),
  password: Type.Optional(Password),
  role: Type.Optional(Role)
}, { additionalProperties: false, minProperties: 1, examples: [userUpdateExample] })

/** PATCH /users/me: one's own name, or one's own password (with the current one). */
export const OwnUserUpdate = Type.Object({
  name: Type.Optional(Name),
  password: Type.Optional(Password),
  current_password: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'required with `password`' }))
}, { additionalProperties: false, minProperties: 1, examples: [ownUserUpdateExample] })

export const UserParams = Type.Object({ user_id: ObjectIdString })

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 200 })
}, {
  additionalProperties: false,
  description: 'The first user is the bootstrap admin: the `ADMIN_EMAIL` and `ADMIN_PASSWORD` the service was started with ' +
    '(created when the database has no user yet). The example is the one the README starts the service with.',
  examples: [loginExample]
})

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'seconds until the token expires' })
})
