import { useEffect, useState } from 'preact/hooks';
import { readSnapshot, type Snapshot, watchSnapshot } from '@/lib/state/snapshot';

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
    const read = () => {
      const mine = ++latest;
      readSnapshot()
        .then((s) => alive && mine === latest && setSnapshot(s))
        .catch(() => undefined);
    };
    read();
    const unwatch = watchSnapshot(read);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return snapshot;
}
