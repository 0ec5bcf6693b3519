import { useEffect, useState } from 'preact/hooks';
import type { ValidatedItem } from '@/lib/state/define';

/** The current value of a storage item, kept fresh by its watcher. `undefined` until first read. */
export function useItem<T>(item: ValidatedItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    item.get().then((v) => alive && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}
