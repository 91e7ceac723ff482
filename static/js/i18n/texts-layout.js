// Texts of screens that hold at any size, reminders that remember, and Today's compact cards.
// They travel with texts-habit.js (it re-exports them), which every view loads.

export const LAYOUT_TEXTS = {
  nl: {
    quadrant_same_place: '{n} op dezelfde plek',
    reminders_zone: 'Tijdzone: {zone}.',
    reminders_last: 'Laatst gekozen: om {time} op {days} ({zone}).',
    reminders_from_feed: 'Je agenda-link herinnert je om {time} op {days} ({zone}).',
    reminders_busy: 'Herinneringen aanzetten…',
    reminders_push_unavailable:
      'Meldingen kunnen op dit toestel niet aangezet worden. Een herinnering in je agenda werkt wel: maak hieronder een agenda-link.',
    calendar_add: 'Toevoegen aan mijn agenda',
    guide_answer_open: 'Antwoorden',
    checkin_open: 'Snel inchecken',
  },
  en: {
    quadrant_same_place: '{n} in the same place',
    reminders_zone: 'Time zone: {zone}.',
    reminders_last: 'Chosen last: at {time} on {days} ({zone}).',
    reminders_from_feed: 'Your calendar link reminds you at {time} on {days} ({zone}).',
    reminders_busy: 'Turning reminders on…',
    reminders_push_unavailable:
      'Notifications cannot be set up on this device. A reminder in your calendar does work: make a calendar link below.',
    calendar_add: 'Add to my calendar',
    guide_answer_open: 'Answer',
    checkin_open: 'Check in',
  },
};
