import { useQuery } from '@tanstack/react-query';
import { Anchor, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import type { LocalizedText } from '../../../types.ts';
import { progressApi, progressKeys } from '../progressApi.ts';

/** What the Joint Conference decided about this commitment, plenary by plenary. */
export function Decisions({ decisions }: { decisions: { plenaryCode: string; text: LocalizedText }[] }) {
  const { t } = useTranslation();
  const pick = usePick();
  const plenaries = useQuery({ queryKey: progressKeys.plenaries, queryFn: progressApi.plenaries, enabled: decisions.length > 0 });
  if (!decisions.length) return null;
  const plenaryName = (code: string) => {
    const plenary = plenaries.data?.find((p) => p.code === code);
    return plenary ? pick(plenary.name) : code;
  };
  return (
    <section aria-labelledby="decisions-heading">
      <Title order={3} size="h4" id="decisions-heading" mb="xs">
        {t('progress.decisions.title')}
      </Title>
      <List spacing="xs" size="sm">
        {decisions.map((d, i) => (
          <List.Item key={i}>
            <Text size="sm">{pick(d.text)}</Text>
            <Anchor component={Link} to={`/progress/plenaries#plenary-${d.plenaryCode}`} size="xs">
              {plenaryName(d.plenaryCode)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
