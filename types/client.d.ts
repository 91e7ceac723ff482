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

/**
 * A reflection as a form gives it (data/entries.js): its text, circles and ratings, and the
 * guides' links it is shared with (left out: the shares stay as they are). Anything else is dropped.
 */
interface ReflectionFields {
  text?: unknown;
  circles?: string[];
  energy?: unknown;
  meaning?: unknown;
  engagement?: unknown;
  shared_with?: unknown;
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

/** A link to a guide, as the guides API gives it and this device keeps it. */
interface GuideLink {
  id: number;
  guide_email?: string;
  guide_name?: string | null;
  accepts_suggestions?: boolean;
  [field: string]: any;
}

/** The guide's practice as this device kept it: the clients, and those who stopped sharing. */
interface KeptPractice {
  clients: { link_id: number; [field: string]: any }[];
  ended: { link_id: number; name?: string; notes?: string; [field: string]: any }[];
  [field: string]: any;
}

/** word(key, values): a word of the export in the reader's language (data/export-labels.js). */
type ExportWord = (key: string, values?: Record<string, unknown>) => string;

/** A JSON answer of the server: its HTTP status and its body. */
interface ServerAnswer {
  status: number;
  body: any;
}
