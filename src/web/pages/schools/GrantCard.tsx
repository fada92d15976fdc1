import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { schoolsApi, type Grant, type School } from './api.ts';

const hkd = (n: number) => `HK$${n.toLocaleString('en')}`;

/** A Hong Kong school's grant for a school year (¶14: HK$120,000 a year in the 2015/16 pilot), and its spending as reported. */
export function GrantCard({ school, year, canReport }: { school: School; year: string; canReport: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['schools', 'grant', school.id, year];
  const grant = useQuery({ queryKey: key, queryFn: () => schoolsApi.grant(school.id, year) });
  const [amount, setAmount] = useState<number | string>('');
  const [item, setItem] = useState('');
  const report = useMutation({
    mutationFn: () => request<Grant>('POST', `/schools/${encodeURIComponent(school.id)}/grant/spending`, { body: { schoolYear: year, amountHkd: Number(amount), item } }),
    onSuccess: (g) => (client.setQueryData(key, g), setAmount(''), setItem('')),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('schools.grant.title', { year })}
        </Title>
        {grant.isPending && <Loading />}
        <ErrorNotice error={grant.error} />
        {grant.data && (
          <>
            <Text>{grant.data.eligible ? t('schools.grant.eligible', { amount: hkd(grant.data.amountHkd) }) : t('schools.grant.notEligible', { reasons: grant.data.reasons.map((r) => t(`schools.grant.reasons.${r}`)).join('、') })}</Text>
            {grant.data.rateSource && (
              <Text size="sm" c="dimmed">
                {grant.data.rateSource}
              </Text>
            )}
            <Text>{t('schools.grant.spent', { spent: hkd(grant.data.spentHkd), balance: hkd(grant.data.balanceHkd) })}</Text>
            {!!grant.data.spending.length && (
              <Table>
                <Table.Tbody>
                  {grant.data.spending.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{s.item}</Table.Td>
                      <Table.Td>{hkd(s.amountHkd)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {canReport && (
              <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), report.mutate())}>
                <TextInput label={t('schools.grant.item')} value={item} onChange={(e) => setItem(e.currentTarget.value)} />
                <NumberInput label={t('schools.grant.amount')} min={1} value={amount} onChange={setAmount} />
                <Button type="submit" loading={report.isPending}>
                  {t('schools.grant.report')}
                </Button>
              </Group>
            )}
            <ErrorNotice error={report.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}
