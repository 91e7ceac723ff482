// Dutch and English texts of "meaning you can see": ratings, check-ins, insights, the journal's filters.
// The circles' short names, the ratings' and kinds' names are the vocabulary's (texts-vocabulary.js).
export { VOCABULARY_TEXTS } from './texts-vocabulary.js';

export const MEANING_TEXTS = {
  nl: {
    meaning_legend: 'Zingeving (mag je overslaan)',
    meaning_hint: 'hoe zinvol voelde het? 1 = helemaal niet, 5 = heel zinvol',
    meaning_value: 'Zingeving {n} van 5',
    engagement_legend: 'Betrokkenheid (mag je overslaan)',
    engagement_hint: 'hoe ging je erin op? 1 = helemaal niet, 5 = helemaal',
    engagement_value: 'Betrokkenheid {n} van 5',
    checkin_title: 'Drukke dag? Check snel in',
    checkin_hint: 'Twee tikken, geen tekst: je energie en hoe zinvol de dag voelde.',
    checkin_saved: 'Je check-in is bewaard. Ook dat telt als een dag geschreven.',
    checkin_done: 'Je checkte vandaag in:',
    on_this_day_title: 'Op deze dag',
    on_this_day_month: 'Een maand geleden, {day}',
    on_this_day_year: 'Een jaar geleden, {day}',
    period_year: 'Jaar',
    takeaway_title: 'Wat opvalt',
    takeaway_period: 'In de laatste {days}:',
    quadrant_title: 'Energie en zingeving per cirkel',
    quadrant_caption:
      'Per cirkel je gemiddelde energie (van links naar rechts) en zingeving (van onder naar boven) in de laatste {days}. Rechtsboven geeft, linksonder kost; 3 is het midden.',
    quadrant_empty:
      'Geef je reflecties een score voor energie en zingeving, dan zie je hier welke cirkels je energie en zin geven en welke je iets kosten.',
    quadrant_gives: 'geeft',
    quadrant_costs: 'kost',
    quadrant_energy_only: 'energie, weinig zingeving',
    quadrant_middle: 'in het midden',
    quadrant_meaning_only: 'zinvol, maar vermoeiend',
    col_verdict: 'Wat het doet',
    wheel_empty:
      'Schrijf een paar reflecties en duid hun cirkels aan: dan zie je hier hoe je aandacht over je leven verdeeld is.',
    balance_title: 'Balans: geschreven en gewenst',
    balance_caption:
      'Per cirkel: de gevulde balk is je aandeel in wat je schreef in de laatste {days}, de lege balk is hoe je het zou willen.',
    balance_written: 'Geschreven',
    balance_wished: 'Gewenst',
    balance_empty:
      'Hoe zou je je aandacht over de vijf cirkels willen verdelen? Stel je gewenste balans in, dan zie je hier hoe je schrijven zich ertoe verhoudt.',
    balance_set: 'Gewenste balans instellen',
    balance_change: 'Gewenste balans aanpassen',
    balance_hint: 'Schuif één cirkel; de andere passen zich aan, zodat het samen 100% is.',
    balance_saved: 'Je gewenste balans is bewaard.',
    relations_title: 'Cirkels samen',
    relations_pair_one: 'Eén reflectie ging {both}.',
    relations_pair_other: '{n} reflecties gingen {both}.',
    relations_gap_energy:
      'Reflecties {high} gaven gemiddeld {n} meer energie dan reflecties {low}.',
    relations_gap_meaning:
      'Reflecties {high} voelden gemiddeld {n} zinvoller dan reflecties {low}.',
    relations_empty:
      'Duid bij een reflectie meer dan één cirkel aan, of geef drie of meer reflecties per cirkel een score, dan zie je hier hoe je cirkels samenhangen.',
    year_title: 'Je jaar',
    year_caption: 'Dagen dat je schreef, per maand, van {from} tot {to}.',
    year_empty: 'Schrijf een paar dagen, dan groeit hier je jaar, maand per maand.',
    col_month: 'Maand',
    col_days: 'Dagen',
    mix_hours: 'Uren in je week, alles samen',
    mix_hours_hint: 'Jouw eigen totaal: betaald en onbetaald werk, leren en rust.',
    hours_title: 'Je week van {n} uur',
    hours_empty:
      'Vul bij je eigen mix in hoeveel uur je week telt, dan zie je hier je mix in uren en wat één dag minder werken zou geven.',
    what_if:
      'Wat als je één dag minder betaald werkt? Dan komen er {n} uur vrij (een vijfde van je betaalde uren), verdeeld zoals je het zou willen:',
    col_day_less: 'Eén dag minder',
  },
  en: {
    meaning_legend: 'Meaning (optional)',
    meaning_hint: 'how meaningful did it feel? 1 = not at all, 5 = very meaningful',
    meaning_value: 'Meaning {n} of 5',
    engagement_legend: 'Engagement (optional)',
    engagement_hint: 'how absorbed were you? 1 = not at all, 5 = completely',
    engagement_value: 'Engagement {n} of 5',
    checkin_title: 'Busy day? Check in quickly',
    checkin_hint: 'Two taps, no text: your energy and how meaningful the day felt.',
    checkin_saved: 'Your check-in is saved. That counts as a day written too.',
    checkin_done: 'You checked in today:',
    on_this_day_title: 'On this day',
    on_this_day_month: 'A month ago, {day}',
    on_this_day_year: 'A year ago, {day}',
    period_year: 'Year',
    takeaway_title: 'What stands out',
    takeaway_period: 'In the last {days}:',
    quadrant_title: 'Energy and meaning per circle',
    quadrant_caption:
      'Per circle your average energy (left to right) and meaning (bottom to top) in the last {days}. Top right gives, bottom left costs; 3 is the middle.',
    quadrant_empty:
      'Rate your reflections for energy and meaning, and you will see here which circles give you energy and meaning, and which cost you.',
    quadrant_gives: 'gives',
    quadrant_costs: 'costs',
    quadrant_energy_only: 'energy, little meaning',
    quadrant_middle: 'in the middle',
    quadrant_meaning_only: 'meaningful, but tiring',
    col_verdict: 'What it does',
    wheel_empty:
      'Write a few reflections and mark their circles: then you will see here how your attention is spread over your life.',
    balance_title: 'Balance: written and wished',
    balance_caption:
      'Per circle: the filled bar is its share of what you wrote in the last {days}, the outlined bar is how you would like it.',
    balance_written: 'Written',
    balance_wished: 'Wished',
    balance_empty:
      'How would you like to spread your attention over the five circles? Set your wished balance, and you will see here how your writing compares.',
    balance_set: 'Set your wished balance',
    balance_change: 'Change your wished balance',
    balance_hint: 'Move one circle; the others adjust, so together they are always 100%.',
    balance_saved: 'Your wished balance is saved.',
    relations_title: 'Circles together',
    relations_pair_one: 'One reflection was {both}.',
    relations_pair_other: '{n} reflections were {both}.',
    relations_gap_energy:
      'Reflections {high} gave {n} more energy on average than reflections {low}.',
    relations_gap_meaning:
      'Reflections {high} felt {n} more meaningful on average than reflections {low}.',
    relations_empty:
      'Mark more than one circle on a reflection, or rate three or more reflections per circle, and you will see here how your circles relate.',
    year_title: 'Your year',
    year_caption: 'Days you wrote, per month, from {from} to {to}.',
    year_empty: 'Write on a few days, and your year will grow here, month by month.',
    col_month: 'Month',
    col_days: 'Days',
    mix_hours: 'Hours in your week, all together',
    mix_hours_hint: 'Your own total: paid and unpaid work, learning and rest.',
    hours_title: 'Your week of {n} hours',
    hours_empty:
      'Fill in how many hours your week counts in your own mix, and you will see your mix in hours here, and what working one day less would give.',
    what_if:
      'What if you worked one day less? Then {n} hours come free (a fifth of your paid hours), spread the way you would like:',
    col_day_less: 'One day less',
  },
};

/** The journal's filters, in both languages. */
export const FILTER_TEXTS = {
  nl: {
    filters: 'Filters',
    filter_circles: 'Cirkels (een of meer)',
    filters_active: 'Filters ({n} aan)',
    filters_clear: 'Filters wissen',
    filters_none: 'Niets past bij deze filters. Zet er een paar uit.',
    filter_any: 'Alle',
    filter_at_least: 'Minstens {n}',
    filter_at_most: 'Hoogstens {n}',
    filter_from: 'Van',
    filter_to: 'Tot en met',
    kind_kantelen: 'Kantelen',
    kind_checkin: 'Check-in',
    calendar_open: 'Spring naar een dag',
    calendar_jump: 'Dagen met een reflectie in {month}',
    month_previous: 'Vorige maand',
    month_next: 'Volgende maand',
  },
  en: {
    filters: 'Filters',
    filter_circles: 'Circles (one or more)',
    filters_active: 'Filters ({n} on)',
    filters_clear: 'Clear filters',
    filters_none: 'Nothing fits these filters. Turn a few off.',
    filter_any: 'Any',
    filter_at_least: 'At least {n}',
    filter_at_most: 'At most {n}',
    filter_from: 'From',
    filter_to: 'Up to',
    kind_kantelen: 'Kantelen',
    kind_checkin: 'Check-in',
    calendar_open: 'Jump to a day',
    calendar_jump: 'Days with a reflection in {month}',
    month_previous: 'Previous month',
    month_next: 'Next month',
  },
};
