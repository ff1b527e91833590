import rateLimit from '@fastify/rate-limit'

export default rateLimit

// Limits are set per route (login, response submission), not globally.
export const autoConfig = { global: false }
