// Shapes the client's modules share, named in their JSDoc for tsc (tsconfig.json). Types only:
// never served, never run.

/** An entry as a device keeps it (IndexedDB "entries"), of any kind: docs/export-format.md. */
interface Entry {
  id: string;
  kind: string;
  day: string;
  created_at: string;
  updated_at?: string;
  text?: string;
  circles?: string[];
  [field: string]: any;
}

/** A reflection: its text and circles are always there. */
interface Reflection extends Entry {
  text: string;
  circles: string[];
}

/** An eigen mix check-in: its ISO week and its shares in percent (with the week's hours if given). */
interface MixEntry extends Entry {
  week: string;
  actual?: Record<string, number>;
  wished?: Record<string, number>;
  hours_per_week?: number | null;
}

/** A question of the bank, or one of the user's own: its text per language, circles, moment. */
interface Question {
  id: string;
  circles?: string[];
  moment?: string;
  [field: string]: any;
}

/** What was written on a day (method/day-totals.js): counts and the sums of the ratings. */
interface DayTotal {
  day: string;
  reflections: number;
  checkins: number;
  energy_sum: number;
  energy_n: number;
  meaning_sum: number;
  meaning_n: number;
}

/** The counts of a day's total (everything but its day). */
type DayCount = Exclude<keyof DayTotal, 'day'>;

/** t(key, values): a text of the catalogues in the reader's language, filled in. */
type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A circle's average of one rating over the reflections rated in it, rated often enough. */
interface RatedCircle {
  circle: string;
  value: number;
  count: number;
}

/** What Insights finds in a period (method/insight-findings.js), put in words by insight-words.js. */
interface Finding {
  kind: string;
  circles: string[];
  value: number | null;
  meaning?: number;
  count: number;
  form: string;
}

/** The journal's filters: circles, kinds, days from/to, and rating limits (n: at least, -n: at most). */
interface JournalFilters {
  circles?: string[];
  kinds?: string[];
  from?: string;
  to?: string;
  [rating: string]: any;
}

/** A client in the guide's practice list, as the practice API gives it. */
interface PracticeClient {
  name?: string | null;
  new_reflections?: number;
  new_answers?: number;
  last_activity?: string | null;
}

/** A guide's suggestion: its questions in turn from its start day, or a circle to write about. */
interface GuideSuggestion {
  id: number | string;
  start: string;
  circle?: string | null;
  questions?: { question_id?: string | null; text?: string | null }[];
}
