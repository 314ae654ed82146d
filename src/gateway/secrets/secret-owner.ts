/**
 * Associated data that binds a sealed secret to its owner: a ciphertext copied to another account's row
 * (or from a BYOK row to a platform credential) no longer decrypts. JSON keeps the parts unambiguous even
 * if an id contains a separator.
 */
export const byokSecretOwner = (accountId: string, providerSlug: string): string => JSON.stringify(['byok', accountId, providerSlug]);

export const providerCredentialOwner = (providerSlug: string): string => JSON.stringify(['provider-credential', providerSlug]);
