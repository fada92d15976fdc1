import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sarPorts } from '../../../shared/modules/sar-plans.ts';

export type RouteRow = { from: string | null; to: string | null };

/** A ship's scheduled routes, each from one terminal to another of a different place; a row per route. */
export function RouteRows({ routes, onChange, fieldError, disabled }: { routes: RouteRow[]; onChange: (routes: RouteRow[]) => void; fieldError: (field: string) => string | undefined; disabled?: boolean }) {
  const { t } = useTranslation();
  const ports = sarPorts.map((p) => ({ value: p.code, label: t(`sar-plans.ports.${p.code}`) }));
  const set = (i: number, change: Partial<RouteRow>) => onChange(routes.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('sar-plans.register.routes')}
      </Text>
      {fieldError('routes') && !routes.some((_, i) => fieldError(`routes.${i}`)) && (
        <Text size="sm" c="red.9" role="alert">
          {fieldError('routes')}
        </Text>
      )}
      {routes.map((r, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="wrap">
          <Select
            style={{ flex: '1 1 12rem' }}
            label={t('sar-plans.form.routeFrom', { n: i + 1 })}
            data={ports}
            value={r.from}
            onChange={(v) => set(i, { from: v })}
            disabled={disabled}
            error={fieldError(`routes.${i}.from`)}
          />
          <Select
            style={{ flex: '1 1 12rem' }}
            label={t('sar-plans.form.routeTo', { n: i + 1 })}
            data={ports}
            value={r.to}
            onChange={(v) => set(i, { to: v })}
            disabled={disabled}
            error={fieldError(`routes.${i}.to`)}
          />
          {routes.length > 1 && !disabled && (
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('sar-plans.form.removeRoute', { n: i + 1 })} onClick={() => onChange(routes.filter((_, j) => j !== i))}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!disabled && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onChange([...routes, { from: null, to: null }])}>
            {t('sar-plans.form.addRoute')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
