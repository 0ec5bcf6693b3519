import { useEffect, useState } from 'preact/hooks';
import { readSnapshot, type Snapshot, watchSnapshot } from '@/lib/state/snapshot';

/** A read started before the first render (`readSnapshotEarly`), and whether an item changed since. */
let early: { read: Promise<Snapshot>; changed: boolean; unwatch: () => void } | undefined;

/**
 * Starts the first read now (main.tsx, before render): it runs while the page draws its header, instead of
 * after the first frame, when effects run. `useSnapshot` takes it over.
 */
export function readSnapshotEarly(): void {
  const read = readSnapshot();
  const e: NonNullable<typeof early> = { read, changed: false, unwatch: () => undefined };
  e.unwatch = watchSnapshot(() => {
    e.changed = true;
  });
  early = e;
}

/**
 * What the popup shows, read as one snapshot (lib/state/snapshot.ts) and read again whenever one of its
 * items changes — so the background's writes show while the popup is open. `undefined` until first read.
 */
export function useSnapshot(): Snapshot | undefined {
  const [snapshot, setSnapshot] = useState<Snapshot | undefined>(undefined);
  useEffect(() => {
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
