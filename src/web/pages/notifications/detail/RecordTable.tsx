import { Table, Text, Title } from '@mantine/core';
import { scriptLang } from '../../../lib/shownScript.ts';
import { useInScript } from '../../../lib/useInScript.ts';
import type { Script } from '../lib/types.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

type Props = {
  id: string;
  heading: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string | null>[];
  writtenIn: Script;
  shown: Script;
  emptyText: string;
};

/** Products, hazards or distribution of a notification, as the author entered them, in the shown script. */
export function RecordTable({ id, heading, columns, rows, writtenIn, shown, emptyText }: Props) {
  const cells = useInScript(
    rows.flatMap((row) => columns.map((c) => row[c.key] ?? '')),
    writtenIn,
    shown,
  );
  const cell = (row: number, column: number) => cells[row * columns.length + column] || '—';
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {heading}
      </Title>
      {rows.length ? (
        <ScrollTable minWidth={100 * columns.length} label={heading}>
          <Table withTableBorder striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody lang={scriptLang[shown]}>
              {rows.map((_, r) => (
                <Table.Tr key={r}>
                  {columns.map((c, col) => (
                    <Table.Td key={c.key}>{cell(r, col)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
    </section>
  );
}
