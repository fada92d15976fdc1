import { useEffect, useState } from 'react';
import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { auditActions, auditEntities } from '../../../../shared/audit-actions.ts';
import { useMe } from '../../../session.ts';
import { useUnitOptions } from '../useUnitOptions.ts';
import { fieldErrors } from '../../../lib/forms.ts';
import type { useAuditParams } from './useAuditParams.ts';

/** A reference number as records get them when sent (HK-FS-2026-0042, GD-VR-2026-0007). */
const referencePattern = /^[A-Z]{2}-[A-Z]{2,}-\d{4}-\d{4,}$/i;

/** Choices apply at once; the typed names when the reader presses Enter or "Filter". */
export function AuditFilters({ params, error }: { params: ReturnType<typeof useAuditParams>; error: unknown }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const units = useUnitOptions();
  const { filters, setFilter } = params;
  const [actor, setActor] = useState(filters.actor ?? '');
  const [record, setRecord] = useState(filters.reference ?? filters.entityId ?? '');
  useEffect(() => setActor(filters.actor ?? ''), [filters.actor]);
  useEffect(() => setRecord(filters.reference ?? filters.entityId ?? ''), [filters.entityId, filters.reference]);
  const fieldError = fieldErrors(error);
  const actions = auditActions.map((value) => ({ value, label: t(`admin.auditActions.${value}`) }));
  const entities = auditEntities.map((value) => ({ value, label: t(`admin.auditEntities.${value}`) }));

  return (
    <form
      role="search"
      aria-label={t('admin.auditFilters')}
      onSubmit={(e) => {
        e.preventDefault();
        const typed = record.trim();
        const isReference = referencePattern.test(typed);
        params.setFilters({ actor: actor.trim() || null, entityId: isReference ? null : typed || null, reference: isReference ? typed.toUpperCase() : null });
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Select label={t('admin.auditAction')} data={actions} value={filters.action ?? null} onChange={(v) => setFilter('action', v)} placeholder={t('admin.auditAnyAction')} searchable clearable />
        <Select label={t('admin.auditEntityType')} data={entities} value={filters.entityType ?? null} onChange={(v) => setFilter('entityType', v)} placeholder={t('admin.auditAnyEntity')} clearable />
        <TextInput label={t('admin.auditEntityId')} description={t('admin.auditEntityIdHint')} value={record} onChange={(e) => setRecord(e.currentTarget.value)} error={fieldError('entityId') ?? fieldError('reference')} />
        <TextInput label={t('admin.auditActorName')} value={actor} onChange={(e) => setActor(e.currentTarget.value)} error={fieldError('actor')} />
        {me?.isPlatformAdmin && (
          <Select label={t('admin.filterUnit')} data={units} value={filters.unitId ?? null} onChange={(v) => setFilter('unitId', v)} placeholder={t('admin.allUnits')} searchable clearable />
        )}
        <TextInput label={t('admin.auditFrom')} type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.currentTarget.value || null)} error={fieldError('from')} />
        <TextInput label={t('admin.auditTo')} type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value || null)} error={fieldError('to')} />
      </SimpleGrid>
      <Group mt="sm" gap="md">
        <Button type="submit" size="xs">
          {t('admin.auditFilters')}
        </Button>
        {params.filtered && (
          <Button size="xs" variant="subtle" onClick={params.clearFilters}>
            {t('admin.auditClear')}
          </Button>
        )}
      </Group>
    </form>
  );
}
