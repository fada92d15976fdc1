import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** A failed call, in the words the server chose (already in the UI language). */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  return (
    <Alert color="red" role="alert" title={error instanceof ApiError ? undefined : t('common.error')}>
      {message}
    </Alert>
  );
}
