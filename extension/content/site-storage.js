// Removes what the page's origin keeps in the browser, from inside the page, for "log out & clear" in Firefox: there
// browsingData.remove cannot reach the Cache API's storage at all, and matches other storage by host and port while it
// accepts host names only. Indexes, not iterators: the page's arrays are seen through an Xray wrapper.

/** @returns {Promise<{ failed: string[] }>} the kinds of storage that could not be cleared */
export async function clearOwnStorage(win) {
  const failed = [];
  for (const [kind, clear] of [
    ["localStorage", async () => win.localStorage.clear()],
    ["sessionStorage", async () => win.sessionStorage.clear()],
    ["cacheStorage", () => clearCaches(win.caches)],
    ["indexedDB", () => clearDatabases(win.indexedDB)],
  ]) {
    try {
      await clear();
    } catch {
      failed.push(kind);
    }
  }
  return { failed };
}

async function clearCaches(caches) {
  const names = await caches.keys();
  for (let i = 0; i < names.length; i += 1) await caches.delete(names[i]);
}

async function clearDatabases(indexedDB) {
  const databases = await indexedDB.databases();
  for (let i = 0; i < databases.length; i += 1) {
    const request = indexedDB.deleteDatabase(databases[i].name);
    await new Promise((resolve, reject) => {
      request.addEventListener("success", resolve);
      request.addEventListener("error", reject);
      // Another page of the origin still has it open: it goes when that page closes, right after.
      request.addEventListener("blocked", resolve);
    });
  }
}
