import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { sarApi } from './api.ts';
import { ShipName } from './ShipName.tsx';
import { useSarAgency } from './useSarAgency.ts';

/** The ships of the three places with their operators and routes, and the companies with their 24-hour contact. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('sar-plans.register.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const ships = useQuery({ queryKey: ['sar-plans', 'ships'], queryFn: sarApi.ships });
  const companies = useQuery({ queryKey: ['sar-plans', 'companies'], queryFn: () => sarApi.companies() });
  const { agency } = useSarAgency();
  const draw = useMutation({
    mutationFn: sarApi.createPlan,
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: ['sar-plans'] });
      navigate(`/sar-plans/plans/${plan.id}`);
    },
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('sar-plans.register.title')}</Title>
      {agency?.mayEdit && (
        <Group>
          <Button component={Link} to="/sar-plans/ships/new" variant="light">
            {t('sar-plans.form.newShip')}
          </Button>
          <Button component={Link} to="/sar-plans/companies/new" variant="light">
            {t('sar-plans.form.newCompany')}
          </Button>
        </Group>
      )}
      <ErrorNotice error={draw.error} />
      <Title order={2}>{t('sar-plans.register.ships')}</Title>
      {ships.isPending ? (
        <Loading />
      ) : ships.error ? (
        <ErrorNotice error={ships.error} />
      ) : ships.data.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.register.noShips')}</Text>
      ) : (
        <ScrollTable minWidth={880} label={t('sar-plans.register.ships')}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sar-plans.register.name')}</Table.Th>
                <Table.Th>{t('sar-plans.register.imo')}</Table.Th>
                <Table.Th>{t('sar-plans.register.callSign')}</Table.Th>
                <Table.Th>{t('sar-plans.register.place')}</Table.Th>
                <Table.Th>{t('sar-plans.register.company')}</Table.Th>
                <Table.Th>{t('sar-plans.register.routes')}</Table.Th>
                <Table.Th>{t('sar-plans.register.plan')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ships.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sar-plans/ships/${s.id}`}>
                      <ShipName named={s} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.imoNumber}</Table.Td>
                  <Table.Td>{s.callSign}</Table.Td>
                  <Table.Td>{t(`sar-plans.places.${s.place}`)}</Table.Td>
                  <Table.Td>
                    <ShipName named={s.company} />
                  </Table.Td>
                  <Table.Td>{s.routes.map((r) => `${t(`sar-plans.ports.${r.from}`)} – ${t(`sar-plans.ports.${r.to}`)}`).join('; ')}</Table.Td>
                  <Table.Td>
                    {s.planId ? (
                      <Anchor component={Link} to={`/sar-plans/plans/${s.planId}`}>
                        {t('sar-plans.register.openPlan')}
                      </Anchor>
                    ) : s.mayEdit ? (
                      <Button size="xs" variant="light" loading={draw.isPending && draw.variables === s.id} onClick={() => draw.mutate(s.id)}>
                        {t('sar-plans.register.drawUp')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Title order={2}>{t('sar-plans.register.companies')}</Title>
      {companies.isPending ? (
        <Loading />
      ) : companies.error ? (
        <ErrorNotice error={companies.error} />
      ) : companies.data.length === 0 ? (
        <Text c="dimmed">{t('sar-plans.register.noCompanies')}</Text>
      ) : (
        <ScrollTable minWidth={640} label={t('sar-plans.register.companies')}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sar-plans.register.name')}</Table.Th>
                <Table.Th>{t('sar-plans.register.place')}</Table.Th>
                <Table.Th>{t('sar-plans.register.contact24h')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {companies.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sar-plans/companies/${c.id}`}>
                      <ShipName named={c} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`sar-plans.places.${c.place}`)}</Table.Td>
                  <Table.Td>
                    {c.contact.name} · {c.contact.phone}
                    {c.contact.email ? ` · ${c.contact.email}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
