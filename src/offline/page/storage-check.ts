// Whether this browser keeps what the site saves (localStorage can be off, full or refused).
export function storageWorks(): boolean {
  const key = 'microgpt:storage-check';
  try {
    localStorage.setItem(key, '1');
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
