// The question bank, fetched once (the service worker keeps it for offline use).

let bankPromise = null;

/** Resolve with the question bank; an empty list when it cannot be had. */
export function loadQuestions() {
  bankPromise ??= fetch('/api/questions')
    .then((response) => {
      if (!response.ok) throw new Error(`questions: HTTP ${response.status}`);
      return response.json();
    })
    .catch(() => {
      bankPromise = null;
      return [];
    });
  return bankPromise;
}
