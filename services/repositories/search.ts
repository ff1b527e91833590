/**
 * The lower-cased text a form listing's `q` is matched against, literally,
 * in both adapters (so both fold case the same way, Unicode included).
 */
export function searchText (title: string, description: string): string {
  return `${title}\n${description}`.toLowerCase()
}
