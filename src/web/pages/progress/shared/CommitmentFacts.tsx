import type { ReactNode } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { Commitment } from '../types.ts';
import { useFigures } from './figures.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Group>
  );
}

/** Who keeps a commitment, where it is written (paragraph of the paper, clause of an agreement) and when it is due. */
export function CommitmentFacts({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { period } = useFigures();
  const owner = c.ownerUnit ? pick(c.ownerUnit.name) : c.ownerBody ? pick(c.ownerBody) : t('progress.commitment.noOwner');
  const due = c.duePeriod ? period(c.duePeriod) : c.dueBy ? formatDate(c.dueBy, locale) : null;
  return (
    <Group component="dl" gap="md" m={0} style={{ rowGap: 2 }}>
      <Fact label={t('progress.commitment.owner')}>
        {c.ownerUnit ? (
          <Anchor component={Link} to={`/directory/units/${c.ownerUnit.id}`} size="sm">
            {owner}
          </Anchor>
        ) : (
          owner
        )}
      </Fact>
      {c.paragraph !== null && <Fact label={t('progress.commitment.source')}>{t('progress.commitment.paragraph', { n: c.paragraph })}</Fact>}
      {c.agreement && (
        <Fact label={t('progress.commitment.agreement')}>
          <Anchor component={Link} to={`/agreements/${c.agreement.code}${c.clauseKey ? `#clause-${c.clauseKey}` : ''}`} size="sm">
            {c.clauseKey ? t('progress.commitment.clause', { agreement: pick(c.agreement.title), key: c.clauseKey }) : pick(c.agreement.title)}
          </Anchor>
        </Fact>
      )}
      {due && <Fact label={t('progress.commitment.due')}>{due}</Fact>}
    </Group>
  );
}
