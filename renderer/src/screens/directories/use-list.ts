import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError } from '../../../../shared/contract/errors.js';
import { asDeskError } from '../../stores/session-store.js';

/** Loads a directory list, again whenever `key` changes, and on `reload()` after an edit. */
export function useList<T>(load: () => Promise<T[]>, key = '') {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<DeskError | null>(null);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  const reload = useCallback(
    () =>
      loader.current().then(
        (loaded) => {
          setError(null);
          setItems(loaded);
        },
        (caught: unknown) => setError(asDeskError(caught)),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { items, error, reload };
}
