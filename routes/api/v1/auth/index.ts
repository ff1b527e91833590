import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errors, described } from '../../../../schemas/common.js'
import { LoginBody, TokenResponse } from '../../../../schemas/users.js'

const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const { users, config, throttleAccount } = fastify

  fastify.post('/login', {
    // a token response is never stored by a cache (RFC 6749 §5.1), nor is its refusal
    onRequest: async (_request, reply) => { reply.header('cache-control', 'no-store').header('pragma', 'no-cache') },
    config: { rateLimit: { max: config.rateLimit.login, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      operationId: 'login',
      summary: 'Exchange email and password for a bearer token',
      description: 'Rate limited per client address and, separately, per account (RATE_LIMIT_LOGIN attempts a minute each, ' +
        'whether the account exists or not). A password change or an admin\'s revocation ends every token issued before it.',
      body: LoginBody,
      response: { 200: described(TokenResponse, 'A bearer token for the user'), ...errors(400, 401, 429) }
    }
  }, async (request, reply) => {
    await throttleAccount(reply, request.body.email)
    const user = await users.login(request.body.email, request.body.password)
    return {
      access_token: await fastify.jwt.sign({ sub: user.id, gen: user.token_generation }),
      token_type: 'Bearer' as const,
      expires_in: config.auth.tokenTtlSeconds
    }
  })
}

export default auth
