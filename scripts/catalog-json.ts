/** Pretty JSON with short lists (modalities, parameters) and price objects on one line, so diffs stay readable. */
export function formatCatalogJson(value: unknown): string {
  const pretty = JSON.stringify(value, null, 2);
  const inline = pretty
    // Arrays of strings/numbers on one line.
    .replace(/\[\n\s+((?:(?:"[^"\n]*"|-?\d[\d.e+-]*|null|true|false),?\n\s*)+)\]/g, (_m, items: string) => `[${items.split('\n').map((s) => s.trim()).filter(Boolean).join(' ')}]`)
    // Flat objects of scalars (pricing) on one line.
    .replace(/\{\n\s+((?:"[^"\n]+": (?:"[^"\n]*"|-?\d[\d.e+-]*|null|true|false),?\n\s*)+)\}/g, (_m, items: string) => `{ ${items.split('\n').map((s) => s.trim()).filter(Boolean).join(' ')} }`);
  return `${inline}\n`;
}
