// Importing another journal app's history (Settings → Your data): the preview, the mapping onto
// the method, and what a file we cannot read gets told.

export const IMPORT_TEXTS = {
  nl: {
    journal_import_label: 'Inlezen uit Day One, Daylio, jrnl of Markdown',
    journal_import_hint:
      'Een Day One-export (.zip of .json), een Daylio-CSV, een jrnl-bestand (.txt), of Markdown-notities (.md of een .zip). Alles gebeurt op dit toestel; je ziet eerst wat er gevonden is.',
    journal_import_reading: '{file} lezen…',
    journal_found: '{format}: {count} items',
    journal_range: 'Van {from} tot {to}.',
    journal_found_one: '{format}: 1 item',
    left_photos_one: '1 foto: alleen tekst komt mee',
    left_audio_one: '1 geluidsopname: alleen tekst komt mee',
    left_videos_one: '1 video: alleen tekst komt mee',
    left_files_one: '1 ander bestand of bijlage: alleen tekst komt mee',
    left_empty_one: '1 leeg item: er staat niets in om te bewaren',
    left_duplicates_one: '1 item staat twee keer in het bestand: het komt één keer mee',
    left_shortened_one: '1 tekst is langer dan 20.000 tekens: hij wordt ingekort',
    left_mood_only_one:
      '1 stemming zonder notitie: ze komt alleen mee als je je stemming als energie gebruikt',
    journal_left_out_title: 'Wat niet meekomt',
    journal_nothing_left_out: 'Er blijft niets achter.',
    left_photos: '{count} foto’s: alleen tekst komt mee',
    left_audio: '{count} geluidsopnames: alleen tekst komt mee',
    left_videos: '{count} video’s: alleen tekst komt mee',
    left_files: '{count} andere bestanden en bijlagen: alleen tekst komt mee',
    left_empty: '{count} lege items: er staat niets in om te bewaren',
    left_duplicates: '{count} items staan twee keer in het bestand: ze komen één keer mee',
    left_shortened: '{count} teksten zijn langer dan 20.000 tekens: ze worden ingekort',
    left_mood_only:
      '{count} stemmingen zonder notitie: ze komen alleen mee als je je stemming als energie gebruikt',
    journal_circles_legend: 'Tags en activiteiten → levenscirkels',
    journal_circles_hint:
      'Voorgesteld op basis van de naam; pas aan wat niet klopt. Een item zonder gekoppelde tag krijgt geen cirkel.',
    journal_no_labels: 'Geen tags of activiteiten gevonden: de items krijgen geen cirkel.',
    journal_no_circle: 'geen cirkel',
    journal_label_count: '{label} ({count}×)',
    journal_mood_legend: 'Stemming als energie',
    journal_use_mood: 'Gebruik mijn stemming als energie (1–5)',
    journal_mood_hint: 'Staat uit tenzij je het kiest. Kies per stemming een energie.',
    journal_no_energy: 'geen energie',
    journal_import_button: 'Inlezen',
    journal_importing: 'Bezig met inlezen: {done} van {total}',
    journal_import_done: '{added} toegevoegd, {skipped} stonden er al. Je vindt ze in je dagboek.',
    journal_import_none: 'Er is niets om in te lezen. Er is niets veranderd.',
    journal_stopped:
      'Inlezen is gestopt na {done} items; die staan er heel in. Lees hetzelfde bestand opnieuw in om de rest toe te voegen.',
    import_where_line: 'regel {line}',
    import_where_entry: 'item {entry} in {file}',
    import_where_file_line: '{file}, regel {line}',
    import_where_file: '{file}',
    import_error_not_recognised:
      '{file}: dit bestand herkennen we niet. We lezen Day One (.zip of .json), Daylio (.csv), jrnl (.txt) en Markdown (.md of een .zip). Er is niets ingelezen.',
    import_error_own_export:
      '{file} is een export van Levensloopbaan zelf: lees die in met ‘Een JSON-export inlezen’ hierboven.',
    import_error_several_files:
      'Kies één bestand, of meerdere Markdown-notities (.md). Er is niets ingelezen.',
    import_error_too_large:
      '{file} bevat {size} MB tekst; we lezen hoogstens {max} MB per keer. Er is niets gelezen. Splits de export, bijvoorbeeld per dagboek of per jaar.',
    import_error_zip_damaged:
      '{file}: dit ZIP-bestand is beschadigd ({detail}). Er is niets ingelezen.',
    import_error_bad_json:
      '{format}: {file} is geen geldige JSON ({detail}). Er is niets ingelezen.',
    import_error_not_format:
      '{format}: {where} hoort niet bij een {format}-dagboek. Er is niets ingelezen.',
    import_error_missing_columns:
      '{format}: op regel 1 ontbreken de kolommen {columns}. Er is niets ingelezen.',
    import_error_bad_date:
      '{format}: de datum op {where} kunnen we niet lezen (‘{value}’). Er is niets ingelezen.',
    import_error_no_date:
      '{format}: {file} heeft geen datum in de naam (2024-03-05.md) of in de front matter (date:). Er is niets ingelezen.',
  },
  en: {
    journal_import_label: 'Import from Day One, Daylio, jrnl or Markdown',
    journal_import_hint:
      'A Day One export (.zip or .json), a Daylio CSV, a jrnl file (.txt), or Markdown notes (.md or a .zip). It all happens on this device; you see what was found first.',
    journal_import_reading: 'Reading {file}…',
    journal_found: '{format}: {count} entries',
    journal_range: 'From {from} to {to}.',
    journal_found_one: '{format}: 1 entry',
    left_photos_one: '1 photo: only text comes along',
    left_audio_one: '1 audio recording: only text comes along',
    left_videos_one: '1 video: only text comes along',
    left_files_one: '1 other file or attachment: only text comes along',
    left_empty_one: '1 empty entry: nothing in it to keep',
    left_duplicates_one: '1 entry is in the file twice: it comes along once',
    left_shortened_one: '1 text is longer than 20,000 characters: it is shortened',
    left_mood_only_one: '1 mood without a note: it comes along only if you use your mood as energy',
    journal_left_out_title: 'What is left out',
    journal_nothing_left_out: 'Nothing is left out.',
    left_photos: '{count} photos: only text comes along',
    left_audio: '{count} audio recordings: only text comes along',
    left_videos: '{count} videos: only text comes along',
    left_files: '{count} other files and attachments: only text comes along',
    left_empty: '{count} empty entries: nothing in them to keep',
    left_duplicates: '{count} entries are in the file twice: they come along once',
    left_shortened: '{count} texts are longer than 20,000 characters: they are shortened',
    left_mood_only:
      '{count} moods without a note: they come along only if you use your mood as energy',
    journal_circles_legend: 'Tags and activities → circles of life',
    journal_circles_hint:
      'Suggested from their names; change what does not fit. An entry without a mapped tag gets no circle.',
    journal_no_labels: 'No tags or activities found: the entries get no circles.',
    journal_no_circle: 'no circle',
    journal_label_count: '{label} ({count}×)',
    journal_mood_legend: 'Mood as energy',
    journal_use_mood: 'Use my mood as energy (1–5)',
    journal_mood_hint: 'Off unless you choose it. Choose an energy for each mood.',
    journal_no_energy: 'no energy',
    journal_import_button: 'Import',
    journal_importing: 'Importing: {done} of {total}',
    journal_import_done:
      '{added} added, {skipped} were already here. You find them in your journal.',
    journal_import_none: 'There is nothing to import. Nothing was changed.',
    journal_stopped:
      'Importing stopped after {done} entries; those are whole. Import the same file again to add the rest.',
    import_where_line: 'line {line}',
    import_where_entry: 'entry {entry} in {file}',
    import_where_file_line: '{file}, line {line}',
    import_where_file: '{file}',
    import_error_not_recognised:
      '{file}: we do not recognise this file. We read Day One (.zip or .json), Daylio (.csv), jrnl (.txt) and Markdown (.md or a .zip). Nothing was imported.',
    import_error_own_export:
      '{file} is a Levensloopbaan export: import it with “Import a JSON export” above.',
    import_error_several_files:
      'Choose one file, or several Markdown notes (.md). Nothing was imported.',
    import_error_too_large:
      '{file} holds {size} MB of text; one import reads at most {max} MB. Nothing was read. Split the export, for example per journal or per year.',
    import_error_zip_damaged: '{file}: this ZIP file is damaged ({detail}). Nothing was imported.',
    import_error_bad_json: '{format}: {file} is not valid JSON ({detail}). Nothing was imported.',
    import_error_not_format:
      '{format}: {where} is not part of a {format} journal. Nothing was imported.',
    import_error_missing_columns:
      '{format}: line 1 lacks the columns {columns}. Nothing was imported.',
    import_error_bad_date:
      '{format}: we cannot read the date on {where} (“{value}”). Nothing was imported.',
    import_error_no_date:
      '{format}: {file} has no date in its name (2024-03-05.md) or in its front matter (date:). Nothing was imported.',
  },
};
