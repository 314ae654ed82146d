/**
 * The row id inside a Relay global id ("ApiKey:<uuid>", base64). Needed where the schema reports a
 * raw id (usage buckets by KEY) that must be matched with a node's global id.
 */
export function rawIdOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(':');
    return colon > 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
