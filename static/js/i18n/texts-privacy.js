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
      'Met een account bewaart de server je e-mailadres, je wachtwoord als argon2id-hash (nooit het wachtwoord zelf), je sessies (een hash van de sessiesleutel, welke browser, wanneer), en je reflecties en andere items zodat ze op al je toestellen komen. Van een verwijderd item blijft alleen een merkteken zonder tekst over, zodat het ook op je andere toestellen verdwijnt.',
    privacy_readers_title: 'Wie kan het lezen',
    privacy_readers:
      'Jij, en een begeleider alleen wat je zelf met hem of haar deelt (zie hieronder). Verder niemand in de app: geen reclame en geen tracking, en er gaat niets naar derden. Wie de server beheert, kan technisch bij de databank; de tekst is op de server (nog) niet end-to-end versleuteld. Kies dus een server die je vertrouwt, of host Levensloopbaan zelf.',
    privacy_rights_title: 'Meenemen en wissen',
    privacy_rights:
      'Bij Instellingen → Je gegevens exporteer je alles als JSON (om opnieuw in te lezen), Markdown of CSV, ook zonder verbinding. Bij Instellingen → Account verwijder je je account: alles op de server verdwijnt meteen, en dit toestel wordt leeggemaakt. Een toestel dat later nog iets voor dat account probeert te sturen, wordt geweigerd.',
    privacy_security_title: 'Aanmelden en een vergeten wachtwoord',
    privacy_security:
      'Om het raden van wachtwoorden af te remmen, telt de server recente pogingen: onder een versleutelde vingerafdruk (hash) van het e-mailadres, het netwerkadres of een toestel, nooit het adres zelf. Die tellers verdwijnen een dag na de laatste poging, of meteen als je je account wist. Na vijf mislukte pogingen wacht je steeds wat langer (30 seconden, oplopend tot 15 minuten), maar je wordt nooit helemaal buitengesloten. Als je je aanmeldt, krijgt je browser een toestelcookie: een willekeurig nummer, ondertekend door de server, dat zegt dat deze browser zich eerder op je account aanmeldde. Zo kan je eigen browser verder proberen terwijl de gokken van een vreemde moeten wachten. Er staat niets anders in en hij blijft hoogstens 400 dagen. Verstuurt deze server e-mail, dan mailt "Wachtwoord vergeten?" een link die één keer en 30 minuten werkt. Anders krijg je bij het maken van je account 8 herstelcodes; elke code werkt één keer. Van links en codes bewaren we alleen een hash, en na een nieuw wachtwoord ben je overal afgemeld.',
    privacy_guide_title: 'Wat een begeleider ziet',
    privacy_guide:
      'Nodig je een begeleider uit, dan ziet die alleen wat je zelf deelt: elke reflectie apart, met de schakelaar "Delen met mijn begeleider" (standaard staat niets gedeeld), met de tekst, de dag, de cirkels en je scores. Samenvattingen "sinds de vorige keer" ziet je begeleider alleen als je ze deelt. Inzichten (per cirkel hoeveel gedeelde reflecties en je gemiddelde energie en zingeving) alleen als je dat per begeleider aanzet, en ook dan enkel uit wat je deelde. Je begeleider ziet de naam die jij kiest (laat je die leeg, dan je e-mailadres). Vragen en antwoorden van je begeleider komen in je eigen dagboek en gaan mee in je export. Jij ziet wanneer je begeleider het laatst keek. Je kan op elk moment stoppen met delen in Instellingen: vanaf dan ziet je begeleider niets meer; wat hij of zij al las, kunnen we niet terugnemen. Een begeleider mag eigen notities over de begeleiding bijhouden, zoals na een gesprek op papier: die zijn van je begeleider, alleen je begeleider leest ze, en ze staan niet in jouw gegevens of export. Je ziet je begeleider onder de naam die hij of zij kiest, niet onder een e-mailadres.',
    privacy_reminders_title: 'Herinneringen',
    privacy_reminders:
      'Zet je een herinnering aan, dan bewaart de server voor dat toestel het uur, de dagen, je tijdzone en het adres dat je browser gaf om meldingen te sturen (een pushabonnement bij Google, Mozilla, Apple of Microsoft, afhankelijk van je browser). De melding zelf bevat alleen de datum, versleuteld; de vraag van de dag berekent je toestel zelf. Schrijf je vandaag, dan zegt je toestel de server alleen dat je vandaag schreef, niet wat. Een agenda-feed is een geheim adres: wie het kent, ziet je uur en dagen. Je kan het altijd intrekken in Instellingen.',
  },
  en: {
    privacy_intro:
      'A journal is personal. Here is, plainly, what Levensloopbaan keeps and who can get at it.',
    privacy_device_title: 'On your device',
    privacy_device:
      "Everything you write is first kept in your browser's storage on this device (IndexedDB): your reflections, your own mix, your own questions, your drafts and the changes still to be sent to the server. Your language choice is in the browser's local storage. Anyone holding your unlocked device can read this.",
    privacy_server_title: 'On the server (only with an account)',
    privacy_server:
      'With an account, the server keeps your email address, your password as an argon2id hash (never the password itself), your sessions (a hash of the session key, which browser, when), and your reflections and other items so that they reach all your devices. Of a deleted item only a marker without text remains, so that it disappears from your other devices too.',
    privacy_readers_title: 'Who can read it',
    privacy_readers:
      'You, and a guide only what you share with them yourself (see below). Nobody else in the app: no advertising and no tracking, and nothing goes to third parties. Whoever runs the server can technically reach the database; the text is not (yet) end-to-end encrypted on the server. So choose a server you trust, or host Levensloopbaan yourself.',
    privacy_rights_title: 'Take it with you, or erase it',
    privacy_rights:
      'Under Settings → Your data you export everything as JSON (to import again), Markdown or CSV, offline too. Under Settings → Account you delete your account: everything on the server goes at once, and this device is cleared. A device that later tries to send anything for that account is refused.',
    privacy_security_title: 'Signing in, and a forgotten password',
    privacy_security:
      'To slow down password guessing, the server counts recent tries: under a keyed hash of the email address, the network address or a device, never the address itself. Those counts go a day after the last try, or at once when you erase your account. After five failed tries each next one waits longer (30 seconds, growing to 15 minutes), but you are never locked out for good. When you sign in, your browser gets a device cookie: a random id signed by the server that says this browser signed in to your account before. It lets your own browser keep trying while a stranger\'s guesses have to wait. It holds nothing else and is kept for up to 400 days. If this server sends email, "Forgot your password?" mails a link that works once, for 30 minutes. Otherwise you get 8 recovery codes when you create your account; each works once. Of links and codes we keep only a hash, and resetting your password signs you out everywhere.',
    privacy_guide_title: 'What a guide sees',
    privacy_guide:
      'When you invite a guide, they see only what you share yourself: each reflection on its own, with the "Share with my guide" switch (nothing is shared by default), with its text, day, circles and ratings. Your guide sees "since last time" summaries only if you share them, and insights (per circle, how many shared reflections and your average energy and meaning) only if you turn them on for that guide, and even then only from what you shared. Your guide sees the name you choose (left empty, your email address). Your guide\'s questions and replies arrive in your own journal and are part of your export. You see when your guide last looked. You can stop sharing at any moment in Settings: from then on your guide sees nothing; what they already read we cannot take back. A guide may keep notes of their own about the guidance, as they would on paper after a session: those are the guide\'s, only the guide reads them, and they are not in your data or export. You see your guide under the name they choose, not an email address.',
    privacy_reminders_title: 'Reminders',
    privacy_reminders:
      'When you turn on a reminder, the server keeps, for that device, the time, the days, your time zone and the address your browser gave for notifications (a push subscription with Google, Mozilla, Apple or Microsoft, depending on your browser). The notification itself carries only the date, encrypted; your device works out the question of the day itself. When you write today, your device tells the server only that you wrote, not what. A calendar feed is a secret address: whoever knows it sees your time and days. You can revoke it in Settings at any time.',
  },
};
