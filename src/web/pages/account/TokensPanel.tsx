import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Code, CopyButton, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { ErrorNotice } from '../../components/status.tsx';
import type { CreatedToken } from '../../types.ts';

/** API tokens for machine clients (a lab system, a spreadsheet import): each acts with its owner's rights. */
export function TokensPanel({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: api.tokens });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const create = useMutation({
    mutationFn: () => api.createToken(name.trim(), typeof days === 'number' ? days : null),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      setDays('');
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const fieldError = fieldErrors(create.error);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id={headingId}>
        {t('account.tokens')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('account.tokensHint')}
      </Text>
      {created && (
        <Alert color="teal" title={t('account.tokenCreated', { name: created.name })} role="status">
          <Text size="sm" mb="xs">
            {t('account.tokenOnce')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }}>{created.token}</Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <ErrorNotice error={tokens.error ?? revoke.error} />
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.tokenName')}</Table.Th>
                <Table.Th>{t('account.tokenCreatedAt')}</Table.Th>
                <Table.Th>{t('account.tokenLastUsed')}</Table.Th>
                <Table.Th>{t('account.tokenExpires')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('account.tokenActions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{formatDate(token.createdAt, locale)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : t('admin.user.never')}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, locale) : t('account.tokenNoExpiry')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() => revoke.mutate(token.id)}
                      aria-label={t('account.revokeNamed', { name: token.name })}
                    >
                      {t('account.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form
        noValidate
        aria-label={t('account.newToken')}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <ErrorNotice error={create.error} />
          <Group align="start" gap="sm">
            <TextInput label={t('account.tokenName')} description={t('account.tokenNameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} style={{ flex: 1 }} miw={200} />
            <NumberInput
              label={t('account.tokenDays')}
              description={t('account.tokenDaysHint')}
              value={days}
              onChange={setDays}
              min={1}
              max={3650}
              allowDecimal={false}
              error={fieldError('expiresInDays')}
              w={180}
            />
          </Group>
          <Group>
            <Button type="submit" variant="default" loading={create.isPending}>
              {t('account.createToken')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
