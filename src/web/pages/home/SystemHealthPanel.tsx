import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale } from '../../lib/localized.ts';
import type { SystemHealth } from './workApi.ts';

/** The platform administrator's view of the system: who is locked out, the audit chain, the e-mail queue. */
export function SystemHealthPanel({ health }: { health: SystemHealth }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { lockedUsers, audit, mail } = health;
  return (
    <section aria-labelledby="health-heading">
      <Title order={2} size="h3" id="health-heading" mb="sm">
        {t('work.health.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder component="article" aria-labelledby="health-locked" bg={lockedUsers.length ? 'red.0' : undefined}>
          <Title order={3} size="h5" id="health-locked">
            {t('work.health.locked')}
            {lockedUsers.length ? `${t('common.parenOpen')}${lockedUsers.length}${t('common.parenClose')}` : ''}
          </Title>
          {lockedUsers.length ? (
            <List size="sm" mt="xs" spacing={4}>
              {lockedUsers.map((u) => (
                <List.Item key={`${u.username}@${u.address}`}>
                  {t('work.health.lockedUntil', {
                    name: u.displayName ?? t('work.health.unknownUser', { name: u.username }),
                    until: formatDate(u.until, locale),
                    failures: u.failures,
                    address: u.address,
                  })}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('work.health.lockedNone')}
            </Text>
          )}
        </Card>
        <Card withBorder component="article" aria-labelledby="health-audit">
          <Title order={3} size="h5" id="health-audit">
            {t('work.health.audit')}
          </Title>
          <Text size="sm" mt="xs">
            {t('work.health.auditEntries', { n: audit.entries, chained: audit.chained })}
          </Text>
          <Text size="sm">{audit.unchained ? t('work.health.auditUnchained', { n: audit.unchained }) : t('work.health.auditAllChained')}</Text>
          {audit.lastChainedAt && (
            <Text size="sm" c="dimmed">
              {t('work.health.auditLast', { at: formatDate(audit.lastChainedAt, locale) })}
            </Text>
          )}
          <Anchor component={Link} to="/admin/audit" size="sm" mt="xs" display="block">
            {t('work.health.auditVerify')}
          </Anchor>
        </Card>
        <Card withBorder component="article" aria-labelledby="health-mail" bg={mail.failed ? 'red.0' : undefined}>
          <Title order={3} size="h5" id="health-mail">
            {t('work.health.mail')}
          </Title>
          {mail.pending || mail.failed ? (
            <>
              <Text size="sm" mt="xs">
                {t('work.health.mailPending', { n: mail.pending })}
                {mail.oldestPendingAt ? `${t('common.listSeparator')}${t('work.health.mailOldest', { at: formatDate(mail.oldestPendingAt, locale) })}` : ''}
              </Text>
              {!!mail.failed && (
                <Text size="sm" c="red.9" fw={600}>
                  {t('work.health.mailFailed', { n: mail.failed })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('work.health.mailEmpty')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </section>
  );
}
