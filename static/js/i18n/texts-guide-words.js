// Texts of a guide's words on the client's side: suggested questions, and questions of an ended link.

export const GUIDE_WORDS_TEXTS = {
  nl: {
    guide_answered_private: 'Je antwoord is bewaard, alleen voor jou.',
    guide_link_ended: 'Je deelt niet meer met deze begeleider: je antwoord blijft bij jou.',
    suggestion_kicker: 'Je begeleider stelde voor',
    suggestion_from: 'Voorgesteld door {name}, nog {n} dagen.',
    suggestion_from_last: 'Voorgesteld door {name}, vandaag voor het laatst.',
    suggestion_circle: 'Een vraag over de kring {circle}',
    suggestion_decline: 'Liever de gewone vraag',
    suggestion_declined: 'Je krijgt vandaag de gewone vraag.',
    suggestion_take: 'Toch de voorgestelde vraag',
    suggestions_switch: 'Voorgestelde vragen van deze begeleider tonen op Vandaag',
  },
  en: {
    guide_answered_private: 'Your answer is saved, only for you.',
    guide_link_ended: 'You no longer share with this guide: your answer stays with you.',
    suggestion_kicker: 'Your guide suggested',
    suggestion_from: 'Suggested by {name}, {n} more days.',
    suggestion_from_last: 'Suggested by {name}, today for the last time.',
    suggestion_circle: 'A question about the circle {circle}',
    suggestion_decline: 'The usual question instead',
    suggestion_declined: 'You get the usual question today.',
    suggestion_take: 'The suggested question after all',
    suggestions_switch: "Show this guide's suggested questions on Today",
  },
};
