// What Insights finds, in Dutch and English: per kind of finding an observation and the question
// that follows from it (static/js/method/insight-words.js puts them together). Circles stand in a
// sentence with their own "over"/"about", so each name reads right alone and in a list.

export const INSIGHT_TEXTS = {
  nl: {
    insight_about_self: 'over jezelf',
    insight_about_close: 'over je naasten',
    insight_about_organisations: 'over organisaties',
    insight_about_society: 'over de samenleving',
    insight_about_place: 'over plek en planeet',
    insight_rests_one: '{n} reflectie',
    insight_rests_other: '{n} reflecties',
    insight_gives_one: 'Reflecties {about} gaven je energie (gemiddeld {n} van 5, in {rests}).',
    insight_gives_most:
      'Reflecties {about} gaven je de meeste energie (gemiddeld {n} van 5, in {rests}).',
    insight_gives_tie:
      'Reflecties {about} gaven je evenveel energie, en meer dan de rest (gemiddeld {n} van 5, in {rests}).',
    insight_gives_question:
      'Wat gebeurt er daar precies dat je energie geeft, en waar zou je daar meer ruimte voor willen?',
    insight_gives_question_tie:
      'Wat hebben die momenten met elkaar gemeen, en wat zegt dat over wat jou energie geeft?',
    insight_costs_one: 'Reflecties {about} kostten je energie (gemiddeld {n} van 5, in {rests}).',
    insight_costs_most:
      'Reflecties {about} kostten je de meeste energie (gemiddeld {n} van 5, in {rests}).',
    insight_costs_tie:
      'Reflecties {about} kostten je evenveel energie, en meer dan de rest (gemiddeld {n} van 5, in {rests}).',
    insight_costs_question:
      'Wat maakt het zwaar, en wat zou je kunnen vragen, veranderen of loslaten zodat het je minder kost?',
    insight_costs_question_tie:
      'Wat hebben die cirkels gemeen in wat ze je kosten, en waar zou je als eerste iets aan willen doen?',
    insight_middle:
      'Bij reflecties {about} lag je energie precies in het midden (gemiddeld {n} van 5, in {rests}).',
    insight_middle_question: 'Wat zou een gewone dag daar net iets meer energie geven?',
    insight_meaning_one:
      'Reflecties {about} voelden zinvol (zingeving gemiddeld {n} van 5, in {rests}).',
    insight_meaning_most:
      'Reflecties {about} voelden het meest zinvol (zingeving gemiddeld {n} van 5, in {rests}).',
    insight_meaning_tie:
      'Reflecties {about} voelden even zinvol, en zinvoller dan de rest (zingeving gemiddeld {n} van 5, in {rests}).',
    insight_meaning_question:
      'Wat maakt het voor jou zo zinvol, en hoeveel plek krijgt dat in je week?',
    insight_meaning_question_tie:
      'Wat verbindt die cirkels voor jou: waar komt de zin vandaan die je er vindt?',
    insight_tiring:
      'Reflecties {about} voelden zinvol maar kostten energie (zingeving {meaning}, energie {n} van 5, in {rests}).',
    insight_tiring_question:
      'Wat heb je nodig om dit vol te houden, en wie of wat zou het lichter kunnen maken?',
    insight_unwritten: 'In deze periode schreef je niets {about}.',
    insight_unwritten_question:
      'Hoort dat nu even niet bij je leven, of is er iets wat je daar mist?',
    insight_none:
      'Nog geen reflecties in deze periode. Schrijf er een paar, dan lees je hier wat opvalt.',
    insight_too_few_one:
      'In deze periode schreef je {n} reflectie. Vanaf drie lees je hier wat opvalt: één of twee zeggen nog te weinig.',
    insight_too_few_other:
      'In deze periode schreef je {n} reflecties. Vanaf drie lees je hier wat opvalt: één of twee zeggen nog te weinig.',
    insight_unrated_one:
      'Je schreef {n} reflectie, maar nog geen cirkel heeft drie scores voor energie of zingeving. Geef je reflecties een score, dan lees je hier wat ze je geven en kosten.',
    insight_unrated_other:
      'Je schreef {n} reflecties, maar nog geen cirkel heeft drie scores voor energie of zingeving. Geef je reflecties een score, dan lees je hier wat ze je geven en kosten.',
  },
  en: {
    insight_about_self: 'about yourself',
    insight_about_close: 'about your close ones',
    insight_about_organisations: 'about organisations',
    insight_about_society: 'about society',
    insight_about_place: 'about place and planet',
    insight_rests_one: '{n} reflection',
    insight_rests_other: '{n} reflections',
    insight_gives_one: 'Reflections {about} gave you energy (on average {n} of 5, across {rests}).',
    insight_gives_most:
      'Reflections {about} gave you the most energy (on average {n} of 5, across {rests}).',
    insight_gives_tie:
      'Reflections {about} tie for giving you the most energy (on average {n} of 5, across {rests}).',
    insight_gives_question:
      'What happens there that gives you energy, and where would you like more room for it?',
    insight_gives_question_tie:
      'What do those moments have in common, and what does that say about what gives you energy?',
    insight_costs_one: 'Reflections {about} cost you energy (on average {n} of 5, across {rests}).',
    insight_costs_most:
      'Reflections {about} cost you the most energy (on average {n} of 5, across {rests}).',
    insight_costs_tie:
      'Reflections {about} tie for costing you the most energy (on average {n} of 5, across {rests}).',
    insight_costs_question:
      'What makes it heavy, and what could you ask for, change or let go so it costs you less?',
    insight_costs_question_tie:
      'What do these circles share in what they cost you, and where would you start?',
    insight_middle:
      'In reflections {about} your energy sat right in the middle (on average {n} of 5, across {rests}).',
    insight_middle_question: 'What would give an ordinary day there a little more energy?',
    insight_meaning_one:
      'Reflections {about} felt meaningful (meaning on average {n} of 5, across {rests}).',
    insight_meaning_most:
      'Reflections {about} felt the most meaningful (meaning on average {n} of 5, across {rests}).',
    insight_meaning_tie:
      'Reflections {about} tie as the most meaningful (meaning on average {n} of 5, across {rests}).',
    insight_meaning_question:
      'What makes it so meaningful to you, and how much room does it get in your week?',
    insight_meaning_question_tie:
      'What connects these circles for you: where does the meaning you find there come from?',
    insight_tiring:
      'Reflections {about} felt meaningful but cost energy (meaning {meaning}, energy {n} of 5, across {rests}).',
    insight_tiring_question:
      'What do you need to keep this up, and who or what could make it lighter?',
    insight_unwritten: 'In this period you wrote nothing {about}.',
    insight_unwritten_question:
      'What would you want to notice there — or is it simply not part of your life right now?',
    insight_none:
      'No reflections in this period yet. Write a few, and you will read here what stands out.',
    insight_too_few_one:
      'In this period you wrote {n} reflection. From three on you will read here what stands out: one or two say too little.',
    insight_too_few_other:
      'In this period you wrote {n} reflections. From three on you will read here what stands out: one or two say too little.',
    insight_unrated_one:
      'You wrote {n} reflection, but no circle has three ratings for energy or meaning yet. Rate your reflections, and you will read here what they give and cost you.',
    insight_unrated_other:
      'You wrote {n} reflections, but no circle has three ratings for energy or meaning yet. Rate your reflections, and you will read here what they give and cost you.',
  },
};
