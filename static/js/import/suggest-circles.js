// Suggested circles for a tag, activity or journal name, from words in Dutch and English. Only a
// suggestion: the preview shows it, the user changes it, and a label without one maps to nothing.

// The first circle with a word found in the label wins; a key matches the start of a word in the
// label ("werkdag" finds "werk"), else its end ("homework" finds "work").
const WORDS = {
  organisations: [
    'work',
    'werk',
    'job',
    'baan',
    'office',
    'kantoor',
    'meeting',
    'vergader',
    'colleague',
    'collega',
    'project',
    'career',
    'loopbaan',
    'school',
    'study',
    'studie',
    'business',
    'klant',
    'client',
  ],
  close: [
    'family',
    'familie',
    'gezin',
    'friend',
    'vriend',
    'partner',
    'kids',
    'kinderen',
    'children',
    'child',
    'parents',
    'ouders',
    'relation',
    'relatie',
    'love',
    'liefde',
  ],
  society: [
    'volunteer',
    'vrijwillig',
    'community',
    'buurt',
    'neighbo',
    'politic',
    'politiek',
    'church',
    'kerk',
    'vereniging',
    'society',
    'samenleving',
    'news',
    'nieuws',
  ],
  place: [
    'nature',
    'natuur',
    'garden',
    'tuin',
    'walk',
    'wandel',
    'travel',
    'reis',
    'reizen',
    'climate',
    'klimaat',
    'outdoor',
    'buiten',
    'planet',
    'planeet',
    'beach',
    'strand',
    'forest',
    'bos',
  ],
  self: [
    'self',
    'zelf',
    'health',
    'gezond',
    'sport',
    'exercise',
    'running',
    'hardlo',
    'gym',
    'reading',
    'lezen',
    'meditat',
    'sleep',
    'slaap',
    'hobby',
    'music',
    'muziek',
    'learning',
    'leren',
  ],
};

/** Return the suggested circle of a label, or null when none of its words is known. */
export function suggestCircle(label) {
  const words = label.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  // A word's start says more than its end: "vrijwilligerswerk" is volunteering, not a job.
  for (const matches of [(word, key) => word.startsWith(key), (word, key) => word.endsWith(key)]) {
    for (const [circle, keys] of Object.entries(WORDS)) {
      if (words.some((word) => keys.some((key) => matches(word, key)))) return circle;
    }
  }
  return null;
}
