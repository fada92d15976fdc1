import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { ErrorNotice } from '../../../components/status.tsx';

/** Recomputes the whole hash chain on the server, as `liaison audit verify` does, and says what it found. */
export function ChainCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: api.verifyAudit });
  const result = check.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" size="sm" onClick={() => check.mutate()} loading={check.isPending}>
        {t('admin.auditVerify')}
      </Button>
      <ErrorNotice error={check.error} />
      {result?.ok === true && (
        <Alert color="green" role="status">
          {t('admin.auditVerified', { entries: result.entries, unsealed: result.unsealed ?? 0 })}
        </Alert>
      )}
      {result?.ok === false && (
        <Alert color="red" role="alert">
          {result.firstBadId === undefined
            ? t('admin.auditBrokenWhole', { reason: t(`admin.auditReasons.${result.reason ?? 'broken_link'}`) })
            : t('admin.auditBroken', { id: result.firstBadId, reason: t(`admin.auditReasons.${result.reason ?? 'broken_link'}`) })}
        </Alert>
      )}
    </Stack>
  );
}
