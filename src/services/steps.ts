/**
 * Runs a core computation written as steps (a generator that yields between its expensive passes, such as
 * the suppression's linear-programming audits) without holding the event loop: other requests are served
 * between the steps.
 */
export async function drainYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    // Before every step, the first included: the caller's reads before it (the embedded database answers in
    // one chain of promises, which never lets a timer or another request in) end here too.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const r = steps.next();
    if (r.done) return r.value;
  }
}
