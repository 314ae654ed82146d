// The API key lives in this tab's session storage only: gone when the tab closes, never sent
// anywhere but this server's Authorization header, never logged.

const STORAGE_KEY = 'switchyard.apiKey';

export const readStoredKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const storeKey = (key: string): void => sessionStorage.setItem(STORAGE_KEY, key);
export const forgetKey = (): void => sessionStorage.removeItem(STORAGE_KEY);
