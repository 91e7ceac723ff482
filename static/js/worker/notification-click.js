// What tapping a reminder does: bring the app to the front on Today, opening it if it is closed.

/** Focus an open window of the app on url (navigating it there), or open a new one. */
export async function openAppAt(clients, url) {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).pathname === url) ?? windows[0];
  if (!open) return clients.openWindow(url);
  const focused = await open.focus();
  if (new URL(open.url).pathname === url) return focused;
  return (await focused.navigate?.(url)) ?? focused;
}
