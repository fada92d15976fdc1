import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../types.ts';

/** How to reach a liaison unit; the 24-hour duty line first, for urgent matters. */
export function UnitContacts({ unit }: { unit: Pick<Unit, 'dutyPhone' | 'phone' | 'email' | 'address'> }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('directory.dutyPhone'), value: unit.dutyPhone, href: unit.dutyPhone && `tel:${unit.dutyPhone.replace(/\s/g, '')}` },
    { label: t('directory.phone'), value: unit.phone, href: unit.phone && `tel:${unit.phone.replace(/\s/g, '')}` },
    { label: t('directory.email'), value: unit.email, href: unit.email && `mailto:${unit.email}` },
    { label: t('directory.address'), value: unit.address, href: null },
  ].filter((r) => r.value);
  if (!rows.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('directory.noContacts')}
      </Text>
    );
  }
  return (
    <dl style={{ margin: 0 }}>
      {rows.map((r) => (
        <Group key={r.label} gap="xs" wrap="nowrap" align="baseline">
          <Text component="dt" size="sm" c="dimmed" miw={110}>
            {r.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {r.href ? <Anchor href={r.href}>{r.value}</Anchor> : r.value}
          </Text>
        </Group>
      ))}
    </dl>
  );
}
