import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { emptyRow, type Row } from './values.ts';

type Props<K extends string> = {
  legend: string;
  /** "Product {{n}}": names each row for screen readers, whose inputs repeat the same labels. */
  rowLegend: (n: number) => string;
  columns: { key: K; label: string; required?: boolean; lang?: string }[];
  rows: Row<K>[];
  onChange: (rows: Row<K>[]) => void;
  /** The body field the rows are sent as (`products`), for the server's per-cell messages (`products.0.hsCode`). */
  field: string;
  fieldError: (field: string) => string | undefined;
  addLabel: string;
  removeLabel: (n: number) => string;
  emptyText: string;
};

/** Rows of a table the officer fills in: products, hazards found, where the food was distributed. */
export function RowsEditor<K extends string>(props: Props<K>) {
  const { columns, rows, onChange, field, fieldError } = props;
  const keys = columns.map((c) => c.key);
  const change = (index: number, key: K, value: string) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const cellError = (index: number, key: K) => fieldError(`${field}.${index}.${key}`);
  // A message about the rows as a whole (none given where at least one is needed); fieldError
  // also answers for the list with its first cell's message, which its cell already shows.
  const anyCellError = rows.some((_, index) => keys.some((key) => cellError(index, key)));
  const listError = anyCellError ? undefined : fieldError(field);
  return (
    <Fieldset legend={props.legend} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Stack gap="sm">
        {!rows.length && (
          <Text size="sm" c="dimmed">
            {props.emptyText}
          </Text>
        )}
        {rows.map((row, index) => (
          <Fieldset key={index} legend={props.rowLegend(index + 1)} p="sm">
            <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(columns.length, 3) }} spacing="sm" verticalSpacing="xs">
              {columns.map((c) => (
                <TextInput
                  key={c.key}
                  label={c.label}
                  required={c.required}
                  lang={c.lang}
                  value={row[c.key]}
                  onChange={(e) => change(index, c.key, e.currentTarget.value)}
                  error={cellError(index, c.key)}
                />
              ))}
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                {props.removeLabel(index + 1)}
              </Button>
            </Group>
          </Fieldset>
        ))}
        {listError && (
          <Text size="sm" c="red.8" role="alert">
            {listError}
          </Text>
        )}
        <Group>
          <Button size="xs" variant="default" onClick={() => onChange([...rows, emptyRow(keys)])}>
            {props.addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
