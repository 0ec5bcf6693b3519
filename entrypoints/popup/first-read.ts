/**
 * The popup's first storage read, started as the popup's bundle begins to run: main.tsx imports this
 * module first, so the read travels while the rest of the bundle (schemas, Preact, the views) is evaluated.
 * readSnapshotEarly (./use-snapshot.ts) takes it over.
 */
import { SNAPSHOT_KEYS, startFirstRead } from '@/lib/state/first-read';

export const firstRead = startFirstRead(SNAPSHOT_KEYS);
