import type { TurnObserver } from './turn-event';

/** One observer that tells each of `observers` in turn; one failing does not stop the others. */
export function combineObservers(...observers: TurnObserver[]): TurnObserver {
  return async (event) => {
    for (const observe of observers) {
      try {
        await observe(event);
      } catch {
        // An observer (analytics, metrics) must never cost an answer or another observer.
      }
    }
  };
}
