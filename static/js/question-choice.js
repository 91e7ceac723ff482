// Choosing a question: pure functions, the same on every device, tested with node --test.

/** Return a 32-bit FNV-1a hash of a string. */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Return the question of a day: the same for a given day and seed on every device. */
export function dailyQuestion(bank, day, seed = '') {
  if (bank.length === 0) return null;
  return bank[hashString(`${seed}|${day}`) % bank.length];
}

/** Return a random question other than the current one. */
export function anotherQuestion(bank, currentId, random = Math.random) {
  const others = bank.filter((question) => question.id !== currentId);
  if (others.length === 0) return bank[0] ?? null;
  return others[Math.floor(random() * others.length)];
}

/** Return a question's text in a language, falling back to English. */
export function questionText(question, lang) {
  return question?.[lang] ?? question?.en ?? '';
}
