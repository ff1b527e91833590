import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'
import { loginExample, userCreateExample, userUpdateExample } from './examples.js'

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')])
export type Role = Static<typeof Role>

const Email = Type.String({ format: 'email', maxLength: 254 })
const Password = Type.String({ minLength: 8, maxLength: 200 })
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

/** What the store keeps: the public user plus the password hash, never sent out. */
export type StoredUser = User & { password_hash: string }

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
