// Work that must not hold up what the user is waiting to see.

/** Run work once the browser has drawn the current frame. */
export function afterFirstFrame(work) {
  requestAnimationFrame(() => setTimeout(work));
}
