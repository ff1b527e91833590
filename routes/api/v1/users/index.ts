import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, PageOf, PagingQuery, errors, described } from '../../../../schemas/common.js'
import { OwnUserUpdate, User, UserCreate, UserParams, UserUpdate } from '../../../../schemas/users.js'

const UserRef = Type.Ref(User)

const users: FastifyPluginAsyncTypebox = async (fastify) => {
  const { users, throttleAccount } = fastify
  const adminOnly = fastify.requireRole('admin')

  fastify.get('/me', {
    schema: { tags: ['users'], operationId: 'getMe', summary: 'The signed-in user', security: BearerAuth, response: { 200: described(UserRef, 'The signed-in user'), ...errors(401) } }
  }, async (request) => request.user)

  fastify.patch('/me', {
    schema: {
      tags: ['users'],
      operationId: 'updateMe',
      summary: 'Change one\'s own name, or one\'s own password (with current_password)',
      description: 'A new password ends every session: all tokens issued so far, this one included, are refused from the next ' +
        'request on (log in again). Wrong current_password is a 403; attempts count against the account\'s login limit (429).',
      security: BearerAuth,
      body: OwnUserUpdate,
      response: { 200: described(UserRef, 'The signed-in user as changed'), ...errors(400, 401, 403, 429) }
    }
  }, async (request, reply) => {
    if (request.body.password !== undefined || request.body.current_password !== undefined) await throttleAccount(reply, request.user.email)
    return users.updateOwn(request.user, request.body)
  })

  fastify.get('', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'listUsers',
      summary: 'List users (admin)',
      security: BearerAuth,
      querystring: Type.Object(PagingQuery, { additionalProperties: false }),
      response: { 200: described(PageOf(UserRef), 'A page of users'), ...errors(400, 401, 403) }
    }
  }, async (request) => {
    const { page, per_page: perPage } = request.query
    const { items, total } = await users.list({ page, per_page: perPage })
    return { items, page, per_page: perPage, total }
  })

  fastify.post('', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'createUser',
      summary: 'Create a user (admin); the role defaults to viewer',
      security: BearerAuth,
      body: UserCreate,
      response: { 201: described(UserRef, 'The user, created'), ...errors(400, 401, 403, 409) }
    }
  }, async (request, reply) => {
    const user = await users.create(request.body)
    return reply.code(201).header('location', `/api/v1/users/${user.id}`).send(user)
  })

  fastify.get('/:user_id', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'getUser',
      summary: 'Get a user (admin)',
      security: BearerAuth,
      params: UserParams,
      response: { 200: described(UserRef, 'The user'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => users.get(request.params.user_id))

  fastify.patch('/:user_id', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'updateUser',
      summary: 'Change a user (admin); a role change applies to their next request, a new password ends their sessions',
      security: BearerAuth,
      params: UserParams,
      body: UserUpdate,
      response: { 200: described(UserRef, 'The user as changed'), ...errors(400, 401, 403, 404, 409) }
    }
  }, async (request) => users.update(request.user, request.params.user_id, request.body))

  fastify.delete('/:user_id/sessions', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'revokeUserSessions',
      summary: 'End every session of a user (admin): all their tokens issued so far are refused from the next request on',
      security: BearerAuth,
      params: UserParams,
      response: { 204: Type.Null({ description: 'Revoked; no body' }), ...errors(400, 401, 403, 404) }
    }
  }, async (request, reply) => {
    await users.revokeSessions(request.params.user_id)
    return reply.code(204).send(null)
  })

  fastify.delete('/:user_id', {
    preHandler: adminOnly,
    schema: {
      tags: ['users'],
      operationId: 'deleteUser',
      summary: 'Delete a user (admin); refused while they own forms',
      security: BearerAuth,
      params: UserParams,
      response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errors(400, 401, 403, 404, 409) }
    }
  }, async (request, reply) => {
    await users.remove(request.user, request.params.user_id)
    return reply.code(204).send(null)
  })
}

export default users
