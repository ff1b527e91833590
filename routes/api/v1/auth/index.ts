import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errors, described } from '../../../../schemas/common.js'
import { LoginBody, TokenResponse } from '../../../../schemas/users.js'

const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const { users, config } = fastify

  fastify.post('/login', {
    config: { rateLimit: { max: config.rateLimit.login, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      operationId: 'login',
      summary: 'Exchange email and password for a bearer token',
      body: LoginBody,
      response: { 200: described(TokenResponse, 'A bearer token for the user'), ...errors(400, 401, 429) }
    }
  }, async (request) => {
    const user = await users.login(request.body.email, request.body.password)
    return {
      access_token: await fastify.jwt.sign({ sub: user.id }),
      token_type: 'Bearer' as const,
      expires_in: config.auth.tokenTtlSeconds
    }
  })
}

export default auth
