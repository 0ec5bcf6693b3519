import { useLayoutEffect, useState } from 'preact/hooks';
import type { FirstRead } from '@/lib/state/first-read';
import { readSnapshot, type Snapshot, watchSnapshot } from '@/lib/state/snapshot';

/**
 * A read started before the first render (`readSnapshotEarly`), whether an item changed since, and its
 * snapshot once answered (the first render's, see `useSnapshot`).
 */
let early: { read: Promise<Snapshot>; changed: boolean; unwatch: () => void; value?: Snapshot } | undefined;

/**
 * Starts the first read now (main.tsx, before render): it runs while the bundle is evaluated, instead of
 * after the first frame, when effects run. `useSnapshot` takes it over. Settles (never rejects) once the
 * read has answered or failed: main.tsx renders then, once, with the snapshot already in hand.
 */
export function readSnapshotEarly(first?: FirstRead): Promise<void> {
  const read = readSnapshot(first?.values);
  const e: NonNullable<typeof early> = { read, changed: false, unwatch: () => undefined };
  e.unwatch = watchSnapshot(() => {
    e.changed = true;
  });
  // The first read's own watch covered the time before this one: a change then means a read again too.
  if (first) {
    if (first.changed()) e.changed = true;
    first.stop();
  }
  early = e;
  return read.then(
    (s) => {
      e.value = s;
    },
    () => undefined,
  );
}

/**
 * What the popup shows, read as one snapshot (lib/state/snapshot.ts) and read again whenever one of its
 * items changes — so the background's writes show while the popup is open. `undefined` until first read.
 * An early read already answered is the first render's value: the popup is drawn once, from it, instead of
 * a busy frame first and the snapshot a render later.
 */
export function useSnapshot(): Snapshot | undefined {
  const [snapshot, setSnapshot] = useState<Snapshot | undefined>(() => early?.value);
  // A layout effect, run as the first render is committed: the early read is taken over (and shown once
  // answered) without waiting for the frame after it, as a plain effect would.
  useLayoutEffect(() => {
    let alive = true;
    // Reads may finish out of order (several items change at once): only the latest read is shown.
    let latest = 0;
    const read = (started: Promise<Snapshot> = readSnapshot()) => {
      const mine = ++latest;
      started.then((s) => alive && mine === latest && setSnapshot(s)).catch(() => undefined);
    };
    const pre = early;
    early = undefined;
    read(pre?.read);
    const unwatch = watchSnapshot(() => read());
    // A change between the early read and this watch: read again.
    if (pre) {
      pre.unwatch();
      if (pre.changed) read();
    }
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return snapshot;
}
