import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../lib/forms.ts';
import { usePick } from '../../lib/localized.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Saved } from '../../components/Saved.tsx';
import { shipTypes } from '../../../shared/modules/sar-plans.ts';
import { sarApi, type ShipDetail, type ShipInput } from './api.ts';
import { RegisterHistory } from './RegisterHistory.tsx';
import { RouteRows, type RouteRow } from './RouteRows.tsx';
import { useSarAgency } from './useSarAgency.ts';

type Values = { imoNumber: string; mmsi: string; callSign: string; nameZh: string; nameEn: string; portOfRegistry: string; shipType: string | null; passengerCapacity: number | string; companyId: string | null };

/** A cross-boundary scheduled passenger ship of the agency's place: registered here, or changed (its history kept). */
export function ShipPage() {
  const { id } = useParams();
  const ship = useQuery({ queryKey: ['sar-plans', 'ship', id], queryFn: () => sarApi.ship(id!), enabled: !!id });
  if (!id) return <ShipForm />;
  if (ship.isPending) return <Loading />;
  if (ship.error) return <ErrorNotice error={ship.error} />;
  return <ShipForm key={ship.data.id} ship={ship.data} />;
}

function ShipForm({ ship }: { ship?: ShipDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { agency } = useSarAgency();
  const place = ship?.place ?? agency?.place ?? '';
  const title = ship ? pick(ship.name) : t('sar-plans.form.newShip');
  usePageTitle(title);
  const companies = useQuery({ queryKey: ['sar-plans', 'companies', place], queryFn: () => sarApi.companies(place), enabled: !!place });
  const form = useFormState<Values>(
    ship
      ? { imoNumber: ship.imoNumber, mmsi: ship.mmsi, callSign: ship.callSign, nameZh: ship.name.asWritten, nameEn: ship.name.en, portOfRegistry: ship.portOfRegistry, shipType: ship.shipType, passengerCapacity: ship.passengerCapacity, companyId: ship.company.id }
      : { imoNumber: '', mmsi: '', callSign: '', nameZh: '', nameEn: '', portOfRegistry: '', shipType: 'catamaran', passengerCapacity: '', companyId: null },
  );
  const [routes, setRoutes] = useState<RouteRow[]>(ship ? ship.routes : [{ from: null, to: null }]);
  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      const fields = {
        mmsi: v.mmsi.trim(),
        callSign: v.callSign.trim(),
        nameZh: v.nameZh.trim(),
        nameEn: v.nameEn.trim(),
        portOfRegistry: v.portOfRegistry.trim(),
        shipType: (v.shipType ?? '') as ShipInput['shipType'],
        // An empty capacity is sent as nothing given, for the server to name the field.
        passengerCapacity: (v.passengerCapacity === '' ? undefined : Number(v.passengerCapacity)) as number,
        companyId: v.companyId ?? '',
        routes: routes.map((r) => ({ from: r.from ?? '', to: r.to ?? '' })),
      };
      return ship ? sarApi.updateShip(ship.id, fields) : sarApi.createShip({ ...fields, imoNumber: v.imoNumber.trim(), place: place as ShipInput['place'] });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['sar-plans'] });
      if (!ship) navigate(`/sar-plans/ships/${saved.id}`, { state: { created: true } });
      else client.setQueryData(['sar-plans', 'ship', saved.id], saved);
    },
  });
  const fieldError = fieldErrors(save.error);
  const created = (location.state as { created?: boolean } | null)?.created && !save.isSuccess;
  const mayEdit = ship ? ship.mayEdit : !!agency?.mayEdit;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text c="dimmed">
        {t('sar-plans.register.place')}: {place ? t(`sar-plans.places.${place}`) : ''}
      </Text>
      <Saved show={!!created}>{t('sar-plans.form.shipRegistered')}</Saved>
      <Saved show={save.isSuccess && !!ship}>{t('common.saved')}</Saved>
      {ship?.planId && (
        <Group>
          <Button component={Link} to={`/sar-plans/plans/${ship.planId}`} variant="light">
            {t('sar-plans.register.openPlan')}
          </Button>
        </Group>
      )}
      <form noValidate aria-label={title} onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Stack gap="sm">
          <ErrorNotice error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('sar-plans.register.imo')} description={t('sar-plans.form.imoHint')} inputMode="numeric" required disabled={!!ship || !mayEdit} {...form.text('imoNumber')} error={fieldError('imoNumber')} />
            <TextInput label={t('sar-plans.form.mmsi')} inputMode="numeric" required disabled={!mayEdit} {...form.text('mmsi')} error={fieldError('mmsi')} />
            <TextInput label={t('sar-plans.register.callSign')} required disabled={!mayEdit} {...form.text('callSign')} error={fieldError('callSign')} />
            <TextInput label={t('sar-plans.form.nameZh')} description={t(place === 'GD' ? 'sar-plans.form.writtenHans' : 'sar-plans.form.writtenHant')} required disabled={!mayEdit} {...form.text('nameZh')} error={fieldError('nameZh')} />
            <TextInput label={t('sar-plans.form.nameEn')} lang="en" required disabled={!mayEdit} {...form.text('nameEn')} error={fieldError('nameEn')} />
            <TextInput label={t('sar-plans.form.portOfRegistry')} required disabled={!mayEdit} {...form.text('portOfRegistry')} error={fieldError('portOfRegistry')} />
            <Select
              label={t('sar-plans.form.shipType')}
              required
              disabled={!mayEdit}
              data={shipTypes.map((s) => ({ value: s, label: t(`sar-plans.shipTypes.${s}`) }))}
              value={form.values.shipType}
              onChange={form.set('shipType')}
              allowDeselect={false}
              error={fieldError('shipType')}
            />
            <NumberInput label={t('sar-plans.form.passengerCapacity')} required min={1} max={5000} allowDecimal={false} disabled={!mayEdit} value={form.values.passengerCapacity} onChange={form.set('passengerCapacity')} error={fieldError('passengerCapacity')} />
            <Select
              label={t('sar-plans.register.company')}
              required
              searchable
              disabled={!mayEdit}
              data={(companies.data ?? []).map((c) => ({ value: c.id, label: pick(c.name) }))}
              value={form.values.companyId}
              onChange={form.set('companyId')}
              nothingFoundMessage={t('sar-plans.register.noCompanies')}
              error={fieldError('companyId')}
            />
          </SimpleGrid>
          <RouteRows routes={routes} onChange={setRoutes} fieldError={fieldError} disabled={!mayEdit} />
          <Group>
            {mayEdit && (
              <Button type="submit" loading={save.isPending}>
                {ship ? t('common.save') : t('sar-plans.form.registerShip')}
              </Button>
            )}
            {!ship && mayEdit && (
              <Button component={Link} to="/sar-plans/companies/new" variant="subtle">
                {t('sar-plans.form.newCompany')}
              </Button>
            )}
            <Button component={Link} to="/sar-plans/register" variant="default">
              {t('sar-plans.form.backToRegister')}
            </Button>
          </Group>
        </Stack>
      </form>
      {ship && <RegisterHistory history={ship.history} />}
    </Stack>
  );
}
