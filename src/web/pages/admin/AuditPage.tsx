import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';

/** The append-only, hash-chained audit trail (M4), newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const audit = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => api.audit(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === 50 ? last[last.length - 1].id : undefined),
  });
  const entries = audit.data?.pages.flat() ?? [];
  return (
    <section aria-labelledby="audit-heading">
      <Text component="h2" id="audit-heading" fz="h3" fw={700} m={0} mb="xs">
        {t('admin.audit')}
      </Text>
      <Text c="dimmed" mb="md">
        {t('admin.auditIntro')}
      </Text>
      {audit.isPending && <Loading />}
      <ErrorNotice error={audit.error} />
      {audit.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.auditAt')}</Table.Th>
                <Table.Th>{t('admin.auditActor')}</Table.Th>
                <Table.Th>{t('admin.auditAction')}</Table.Th>
                <Table.Th>{t('admin.auditEntity')}</Table.Th>
                <Table.Th>{t('admin.auditData')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.at, locale)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>{`${e.entityType} ${e.entityId}`}</Table.Td>
                  <Table.Td>
                    <Code block style={{ maxWidth: 360, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {JSON.stringify(e.data)}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Button variant="default" mt="md" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
          {t('admin.auditMore')}
        </Button>
      )}
    </section>
  );
}
