import { useSearchParams } from 'react-router';

/**
 * Filters kept in the page's address, so that a filtered list can be bookmarked, sent to a
 * colleague, and returned to with "back". `update` changes several at once (an empty value
 * removes one): two updates in the same render would each start from that render's address,
 * and the second would undo the first. Changing anything but `resetKey` removes `resetKey`
 * (another filter starts again at the first page).
 */
export function useAddressParams<K extends string>(keys: readonly K[], options: { resetKey?: string } = {}) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as Partial<Record<K, string>>;
  const update = (change: Record<string, string | null | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (options.resetKey && !(options.resetKey in change)) next.delete(options.resetKey);
        return next;
      },
      { replace: true },
    );
  return { params, values, update };
}
