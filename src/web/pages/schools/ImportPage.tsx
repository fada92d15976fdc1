import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Tag } from '../../components/Tag.tsx';
import { readTabularFile } from '../../lib/files.ts';
import { schoolsApi, type ImportPreview } from './api.ts';

const actionColor: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' };

/** Import of the side's registry: a preview of every row and its errors first, then all of it or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('schools.import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const check = useMutation({ mutationFn: async (f: File) => { const { format, content } = await readTabularFile(f); return schoolsApi.preview(format, content); }, onSuccess: setPreview });
  const commit = useMutation({ mutationFn: async (f: File) => { const { format, content } = await readTabularFile(f); return schoolsApi.import(format, content); } });
  return (
    <Stack gap="md">
      <Title order={1}>{t('schools.import.title')}</Title>
      <Text c="dimmed">{t('schools.import.intro')}</Text>
      <Group>
        <Anchor href="/api/v1/schools/export?format=csv">{t('schools.import.exportCsv')}</Anchor>
        <Anchor href="/api/v1/schools/export?format=xlsx">{t('schools.import.exportXlsx')}</Anchor>
      </Group>
      <FileInput label={t('schools.import.file')} accept=".csv,.xlsx,text/csv" value={file} onChange={(f) => (setFile(f), setPreview(null), commit.reset())} clearable />
      <Group>
        <Button disabled={!file} loading={check.isPending} onClick={() => file && check.mutate(file)}>
          {t('schools.import.preview')}
        </Button>
        <Button color="green" disabled={!file || !preview || preview.counts.error > 0 || commit.isSuccess} loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
          {t('schools.import.commit')}
        </Button>
      </Group>
      <ErrorNotice error={check.error ?? commit.error} />
      {commit.data && <Alert color="green">{t('schools.import.done', commit.data)}</Alert>}
      {preview && (
        <>
          <Text>{t('schools.import.counts', preview.counts)}</Text>
          <ScrollTable minWidth={640} label={t('schools.import.title')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('schools.import.row')}</Table.Th>
                  <Table.Th>{t('schools.import.code')}</Table.Th>
                  <Table.Th>{t('schools.import.action')}</Table.Th>
                  <Table.Th>{t('schools.import.errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.code}</Table.Td>
                    <Table.Td>
                      <Tag color={actionColor[r.action]}>{t(`schools.import.actions.${r.action}`)}</Tag>
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
