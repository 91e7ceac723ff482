// Work that must not hold up what the user is waiting to see, and breaks in long work: a tap (or a
// frame) waits at most for the task that runs when it comes, so the start is cut into short tasks.

/** Run work once the browser has drawn the current frame. */
export function afterFirstFrame(work) {
  requestAnimationFrame(() => setTimeout(work));
}

/** Resolve once the browser has drawn the current frame. */
export function nextFrame() {
  return new Promise((resolve) => afterFirstFrame(resolve));
}

/**
 * Resolve in a new task, letting the browser handle input and draw in between: scheduler.yield()
 * where the browser has it (the rest then goes first), else a message to ourselves (setTimeout(0)
 * may wait 4 ms or more once nested).
 */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
