import neostandard from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: ['dist', 'coverage', '.tap', 'node_modules']
  }),
  {
    // TypeBox convention: a schema and its static type share one name.
    files: ['schemas/**/*.ts'],
    rules: { '@typescript-eslint/no-redeclare': 'off' }
  }
]
