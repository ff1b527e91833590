// Writes clients/typescript/schema.d.ts, the TypeScript types of the API,
// from openapi.yaml (run `npm run openapi` first when routes or schemas change).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

const ROOT = join(import.meta.dirname, '..')
export const DOCUMENT = join(ROOT, 'openapi.yaml')
export const CLIENT_TYPES = join(ROOT, 'clients', 'typescript', 'schema.d.ts')

/** The types openapi-typescript makes of the document. */
export async function clientTypes (yaml: string): Promise<string> {
  const ast = await openapiTS(yaml, {
    // a property the server defaults stays optional, in requests and responses alike
    defaultNonNullable: false,
    // `Form`, `FormField`, ...: one named type per component schema, beside `components['schemas']['Form']`
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true
  })
  return HEADER + astToString(ast)
}

const HEADER = '// Generated from openapi.yaml by `npm run client` (openapi-typescript): do not edit.\n\n'

if (process.argv[1] === import.meta.filename) {
  writeFileSync(CLIENT_TYPES, await clientTypes(readFileSync(DOCUMENT, 'utf8')))
  console.log(`wrote ${CLIENT_TYPES}`)
}
