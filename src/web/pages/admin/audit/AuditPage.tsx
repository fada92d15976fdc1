import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exchangedEntities } from '../../../../shared/audit-actions.ts';
import { api } from '../../../api.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { useMe } from '../../../session.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { ChainCheck } from './ChainCheck.tsx';
import { AuditEntryRow } from './AuditEntryRow.tsx';
import { useAuditParams } from './useAuditParams.ts';

const pageSize = 50;

/** Where a record of each kind is read, for those who may read it. */
const recordPages: Partial<Record<string, (id: string) => string>> = {
  notification: (id) => `/notifications/${id}`,
  verification_request: (id) => `/verification/${id}`,
  meeting: (id) => `/meetings/${id}`,
  user: (id) => `/admin/users/${id}`,
  unit: (id) => `/admin/units/${id}`,
  commitment: (id) => `/progress/commitments/${id}`,
  progress_report: (id) => `/progress/reports/${id}`,
};


/** The append-only, hash-chained audit trail (M4), newest first, filtered by action, record, user, unit and dates. */
export function AuditPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const params = useAuditParams();
  const audit = useInfiniteQuery({
    queryKey: ['audit', params.filters],
    queryFn: ({ pageParam }) => api.audit({ ...params.filters, before: pageParam, limit: pageSize }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === pageSize ? last[last.length - 1].id : undefined),
  });
  const entries = audit.data?.pages.flat() ?? [];
  const pageOf = (e: { entityType: string; entityId: string }) =>
    me?.isPlatformAdmin && !me.unit && (exchangedEntities as readonly string[]).includes(e.entityType) ? undefined : recordPages[e.entityType]?.(e.entityId);
  return (
    <section aria-labelledby="audit-heading">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text component="h2" id="audit-heading" fz="h3" fw={700} m={0}>
            {t('admin.audit')}
          </Text>
          <Text c="dimmed">{t('admin.auditIntro')}</Text>
        </div>
        {me?.isPlatformAdmin && <ChainCheck />}
      </Group>
      <Stack gap="md">
        <AuditFilters params={params} error={audit.error} />
        {audit.isPending && <Loading />}
        <ErrorNotice error={audit.error} />
        {audit.data && entries.length === 0 && <Text role="status">{t('admin.auditNone')}</Text>}
        {entries.length > 0 && (
          <Table.ScrollContainer minWidth={880}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.auditAt')}</Table.Th>
                  <Table.Th>{t('admin.auditActor')}</Table.Th>
                  <Table.Th>{t('admin.auditAction')}</Table.Th>
                  <Table.Th>{t('admin.auditEntity')}</Table.Th>
                  <Table.Th>{t('auditView.valuesHeading')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <AuditEntryRow key={e.id} entry={e} page={pageOf(e)} onShowRecord={() => params.showRecord(e.entityType, e.entityId)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {audit.hasNextPage && (
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
            {t('admin.auditMore')}
          </Button>
        )}
      </Stack>
    </section>
  );
}
