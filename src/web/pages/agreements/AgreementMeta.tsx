import type { ReactNode } from 'react';
import { Anchor, Badge, Group, List, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import type { Agreement } from '../../types.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

/** Who signed, where and when, when it applies, and whom it designates as liaison units (M2). */
export function AgreementMeta({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const a = agreement;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      <Row label={t('agreement.parties')}>
        <Group gap={4} component="span">
          {a.parties.map((p) => (
            <Badge key={p.code} variant="light" color="gray" component="span">
              {pick(p.name)}
            </Badge>
          ))}
        </Group>
      </Row>
      <Row label={t('agreement.signing')}>
        {[formatDate(a.signedOn, locale), a.signedAt && pick(a.signedAt)].filter(Boolean).join(t('common.listSeparator'))}
      </Row>
      <Row label={t('agreement.entryIntoForce')}>
        {pick(a.entryIntoForce.text)}
        {a.entryIntoForce.date && `${t('common.parenOpen')}${formatDate(a.entryIntoForce.date, locale)}${t('common.parenClose')}`}
      </Row>
      <Row label={t('agreement.validity')}>{a.validity ? pick(a.validity.text) : t('agreement.noValidity')}</Row>
      <Row label={t('agreement.copies')}>{pick(a.copies.text)}</Row>
      {a.plenary && <Row label={t('agreement.plenary')}>{pick(a.plenary.name)}</Row>}
      <Row label={t('agreement.signatories')}>
        <List size="sm" spacing={2}>
          {a.signatories.map((s, i) => (
            <List.Item key={i}>
              {pick(s.name)}
              {s.representative && ` — ${pick(s.representative)}`}
              {s.signedOn && s.signedOn !== a.signedOn && `${t('common.parenOpen')}${formatDate(s.signedOn, locale)}${t('common.parenClose')}`}
            </List.Item>
          ))}
        </List>
      </Row>
      <Row label={t('agreement.liaisonUnits')}>
        <List size="sm" spacing={2}>
          {a.liaisonUnits.map((u) => (
            <List.Item key={`${u.id}-${u.role}`}>
              <Anchor component={Link} to={`/directory/units/${u.id}`} size="sm">
                {pick(u.name)}
              </Anchor>
              {t('common.parenOpen')}
              {t(`unitRoles.${u.role}`, { defaultValue: u.role })}
              {u.clauseKey && (
                <>
                  {t('common.listSeparator')}
                  <Anchor href={`#clause-${u.clauseKey}`} size="sm">
                    {t('agreement.clauseRef', { key: u.clauseKey })}
                  </Anchor>
                </>
              )}
              {t('common.parenClose')}
            </List.Item>
          ))}
        </List>
      </Row>
    </SimpleGrid>
  );
}
