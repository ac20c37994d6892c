/**
 * fast-check in every test file (vitest setupFiles): a property's run, its shrinking included, stops after four
 * minutes and counts as a failure. Without it a property over slow cases (a PDF rendered and read back per case)
 * that fails can shrink for hours: the test's own timeout fails the test but does not stop the run, and the test
 * process, and so CI, waits for it.
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 240_000, markInterruptAsFailure: true });
