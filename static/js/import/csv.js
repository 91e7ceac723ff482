// A CSV reader (RFC 4180: quoted fields may hold commas, quotes and line breaks). Pure.

/** Return the records of a CSV text as { fields, line } (line: where the record starts, from 1). */
export function csvRecords(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      fields.push(field);
      records.push({ fields, line: start });
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ fields, line: start });
  }
  return records.filter(({ fields: values }) => values.some((value) => value.trim() !== ''));
}
