import { Alert, Anchor, Button, FileInput, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTabularFile } from '../../lib/files.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { sarApi, type ImportPreview, type RegisterKind } from './api.ts';

const actionColor: Record<string, string> = { create: 'teal', update: 'blue', unchanged: 'gray', error: 'red' };

/** Import of the place's ships or companies: a preview of every row and its errors first, then all of it or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('sar-plans.import.title'));
  const [kind, setKind] = useState<RegisterKind>('companies');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const check = useMutation({ mutationFn: async (f: File) => { const { format, content } = await readTabularFile(f); return sarApi.preview(kind, format, content); }, onSuccess: setPreview });
  const commit = useMutation({ mutationFn: async (f: File) => { const { format, content } = await readTabularFile(f); return sarApi.import(kind, format, content); } });
  const reset = () => (setPreview(null), commit.reset());
  return (
    <Stack gap="md">
      <Title order={1}>{t('sar-plans.import.title')}</Title>
      <Text c="dimmed">{t('sar-plans.import.intro')}</Text>
      <SegmentedControl value={kind} onChange={(v) => (setKind(v as RegisterKind), reset())} data={[{ value: 'companies', label: t('sar-plans.register.companies') }, { value: 'ships', label: t('sar-plans.register.ships') }]} />
      <Group>
        <Anchor href={`/api/v1/sar-plans/register/${kind}/export?format=csv`}>{t('sar-plans.import.exportCsv')}</Anchor>
        <Anchor href={`/api/v1/sar-plans/register/${kind}/export?format=xlsx`}>{t('sar-plans.import.exportXlsx')}</Anchor>
      </Group>
      <FileInput label={t('sar-plans.import.file')} accept=".csv,.xlsx,text/csv" value={file} onChange={(f) => (setFile(f), reset())} clearable />
      <Group>
        <Button disabled={!file} loading={check.isPending} onClick={() => file && check.mutate(file)}>
          {t('sar-plans.import.preview')}
        </Button>
        <Button color="green" disabled={!file || !preview || preview.counts.error > 0 || commit.isSuccess} loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
          {t('sar-plans.import.commit')}
        </Button>
      </Group>
      <ErrorNotice error={check.error ?? commit.error} />
      {commit.data && <Alert color="green">{t('sar-plans.import.done', commit.data)}</Alert>}
      {preview && (
        <>
          <Text>{t('sar-plans.import.counts', preview.counts)}</Text>
          <ScrollTable minWidth={640} label={t('sar-plans.import.title')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sar-plans.import.row')}</Table.Th>
                  <Table.Th>{t('sar-plans.import.key')}</Table.Th>
                  <Table.Th>{t('sar-plans.import.action')}</Table.Th>
                  <Table.Th>{t('sar-plans.import.errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.key}</Table.Td>
                    <Table.Td>
                      <Tag color={actionColor[r.action]}>{t(`sar-plans.import.actions.${r.action}`)}</Tag>
                    </Table.Td>
                    <Table.Td>
                      {r.errors.map((e) => (
                        <Text key={e.field} size="sm" c="red.9">
                          {e.message}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
