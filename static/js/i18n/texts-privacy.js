// The privacy page, in plain words: what is kept where, who can read it, how to take it or erase it.

export const PRIVACY_TEXTS = {
  nl: {
    privacy_intro:
      'Een dagboek is persoonlijk. Hier lees je zonder omwegen wat Levensloopbaan bewaart en wie erbij kan.',
    privacy_device_title: 'Op je toestel',
    privacy_device:
      'Alles wat je schrijft, staat eerst in de opslag van je browser op dit toestel (IndexedDB): je reflecties, je eigen mix, je eigen vragen, je concepten en de wijzigingen die nog naar de server moeten. Je taalkeuze staat in de lokale opslag van de browser. Wie je toestel ontgrendeld in handen heeft, kan dit lezen.',
    privacy_server_title: 'Op de server (alleen met een account)',
    privacy_server:
      'Met een account bewaart de server je e-mailadres, je wachtwoord als argon2id-hash (nooit het wachtwoord zelf), je sessies (een hash van de sessiesleutel, welke browser, wanneer), en je reflecties en andere items zodat ze op al je toestellen komen. Van een verwijderd item blijft alleen een merkteken zonder tekst over, zodat het ook op je andere toestellen verdwijnt. Mislukte inlogpogingen worden 15 minuten bewaard, met het netwerkadres, om raden te vertragen.',
    privacy_readers_title: 'Wie kan het lezen',
    privacy_readers:
      'Jij. Niemand anders in de app: er is geen delen, geen reclame en geen tracking, en er gaat niets naar derden. Wie de server beheert, kan technisch bij de databank; de tekst is op de server (nog) niet end-to-end versleuteld. Kies dus een server die je vertrouwt, of host Levensloopbaan zelf.',
    privacy_rights_title: 'Meenemen en wissen',
    privacy_rights:
      'Bij Instellingen → Je gegevens exporteer je alles als JSON (om opnieuw in te lezen), Markdown of CSV, ook zonder verbinding. Bij Instellingen → Account verwijder je je account: alles op de server verdwijnt meteen, en dit toestel wordt leeggemaakt. Een toestel dat later nog iets voor dat account probeert te sturen, wordt geweigerd.',
  },
  en: {
    privacy_intro:
      'A journal is personal. Here is, plainly, what Levensloopbaan keeps and who can get at it.',
    privacy_device_title: 'On your device',
    privacy_device:
      "Everything you write is first kept in your browser's storage on this device (IndexedDB): your reflections, your own mix, your own questions, your drafts and the changes still to be sent to the server. Your language choice is in the browser's local storage. Anyone holding your unlocked device can read this.",
    privacy_server_title: 'On the server (only with an account)',
    privacy_server:
      'With an account, the server keeps your email address, your password as an argon2id hash (never the password itself), your sessions (a hash of the session key, which browser, when), and your reflections and other items so that they reach all your devices. Of a deleted item only a marker without text remains, so that it disappears from your other devices too. Failed sign-ins are kept for 15 minutes, with the network address, to slow down guessing.',
    privacy_readers_title: 'Who can read it',
    privacy_readers:
      'You. Nobody else in the app: there is no sharing, no advertising and no tracking, and nothing goes to third parties. Whoever runs the server can technically reach the database; the text is not (yet) end-to-end encrypted on the server. So choose a server you trust, or host Levensloopbaan yourself.',
    privacy_rights_title: 'Take it with you, or erase it',
    privacy_rights:
      'Under Settings → Your data you export everything as JSON (to import again), Markdown or CSV, offline too. Under Settings → Account you delete your account: everything on the server goes at once, and this device is cleared. A device that later tries to send anything for that account is refused.',
  },
};
