import neostandard from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: ['dist', 'coverage', '.tap', 'node_modules']
  }),
  {
    // `void promise` marks a deliberately unawaited promise (fire and forget)
    rules: { 'no-void': ['error', { allowAsStatement: true }] }
  },
  {
    // TypeBox convention: a schema and its static type share one name.
    files: ['schemas/**/*.ts'],
    rules: { '@typescript-eslint/no-redeclare': 'off' }
  }
]
