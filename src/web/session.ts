import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './api.ts';
import { applyLocale, currentLocale } from './i18n.ts';
import type { Locale, Me } from './types.ts';

const meKey = ['me'] as const;

/** The signed-in user, or null for a visitor. */
export function useMe() {
  const query = useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  return { me: query.data ?? null, loading: query.isPending, error: query.error };
}

/** A user's own language choice wins over this browser's. */
export async function adoptLocaleOf(me: Me | null) {
  if (me?.locale && me.locale !== currentLocale()) await applyLocale(me.locale);
}

export function useLogIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.logIn(username, password),
    onSuccess: async ({ user }) => {
      await adoptLocaleOf(user);
      client.clear();
      client.setQueryData(meKey, user);
    },
  });
}

export function useLogOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.logOut(),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

/** Changes the UI language now, and for a signed-in user also on the server, so it follows them. */
export function useChangeLocale() {
  const client = useQueryClient();
  const { me } = useMe();
  return async (locale: Locale) => {
    await applyLocale(locale);
    if (!me) return;
    const updated = await api.updateMe({ locale });
    client.setQueryData(meKey, updated);
  };
}

export const isUnitAdmin = (me: Me | null) => !!me && me.roles.includes('unit_admin') && !!me.unit;
export const canAdminister = (me: Me | null) => !!me && (me.isPlatformAdmin || isUnitAdmin(me));
